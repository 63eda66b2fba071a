import { createHash } from 'node:crypto';
import type { Finding } from '../../schemas/finding.ts';
import type { Report } from '../../schemas/report.ts';
import type { Theme } from '../../schemas/theme.ts';
import type { DirectiveContext } from '../markdown/directives.ts';
import type { Messages } from '../i18n/messages.ts';
import { compareByOrder } from '../order.ts';

/** What directives may name and count: the report's declarations, its themes and its published findings. */
export function directiveContext(
	report: Report,
	messages: Messages,
	themes: readonly { id: string; data: Theme }[],
	findings: readonly { data: Finding }[],
): DirectiveContext {
	const sorted = [...themes]
		.sort((a, b) => compareByOrder(a.data, b.data))
		.map((theme) => ({ id: theme.id, title: theme.data.title }));
	return {
		figures: report.figures,
		findings: findings.filter((finding) => !finding.data.draft).map((finding) => finding.data),
		vocabulary: {
			metrics: Object.keys(report.metrics),
			statuses: Object.keys(report.statuses),
			outcomes: Object.keys(report.outcomes),
			themes: sorted.map((theme) => theme.id),
		},
		charts: {
			language: report.language,
			messages,
			statuses: report.statuses,
			outcomes: report.outcomes,
			metrics: report.metrics,
			themes: sorted,
		},
	};
}

/**
 * A digest of everything a directive can show, and nothing else: editing a finding's words leaves the chapters
 * that count findings cached, while changing its status renders them again.
 */
export function directiveDigest(context: DirectiveContext): string {
	const hash = createHash('sha256').update(JSON.stringify([context.figures, context.vocabulary, context.charts]));
	for (const finding of context.findings)
		hash.update(
			JSON.stringify([
				finding.status,
				finding.outcome,
				finding.themes,
				finding.metrics,
				finding.opened,
				finding.closed,
			]),
		);
	return hash.digest('base64url');
}
