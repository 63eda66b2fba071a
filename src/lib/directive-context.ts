import type { DirectiveContext } from './directives.ts';
import type { Content } from './load.ts';
import { compareByOrder } from './order.ts';

/** What directives may name and count, from a loaded report folder; none when report.yaml itself is broken. */
export function directiveContext(content: Content): DirectiveContext | undefined {
	if (!content.report) return undefined;
	const report = content.report.data;
	const themes = [...content.themes].sort((a, b) => compareByOrder(a.data, b.data)).map((theme) => ({ id: theme.id, title: theme.data.title }));
	return {
		figures: report.figures,
		findings: content.findings.filter((finding) => !finding.data.draft).map((finding) => finding.data),
		vocabulary: {
			metrics: Object.keys(report.metrics),
			statuses: Object.keys(report.statuses),
			outcomes: Object.keys(report.outcomes),
			themes: themes.map((theme) => theme.id),
		},
		charts: { language: report.language, statuses: report.statuses, outcomes: report.outcomes, metrics: report.metrics, themes },
	};
}
