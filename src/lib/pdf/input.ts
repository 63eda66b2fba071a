import { overviewChartsOf, themeChartsOf } from '../charts/report-charts.ts';
import { languageView, type LanguageView } from '../content/language-view.ts';
import { compareEditions } from '../editions/compare.ts';
import { changesSummary } from '../editions/feed.ts';
import { makeSnapshot } from '../editions/snapshot.ts';
import { changesView } from '../editions/view.ts';
import type { Words } from '../i18n/messages.ts';
import { translator } from '../i18n/translate.ts';
import type { ReportContent } from '../content/load.ts';
import { publishedImages } from '../content/published.ts';
import { compareByOrder, compareIds } from '../order.ts';
import { imagePath } from './compile.ts';
import type { PdfInput } from './document.ts';

/** The images the PDFs show: each by its address on the site, and the file Typst reads it as. */
export function pdfImages(content: ReportContent): { bySrc: Record<string, string>; files: Record<string, string> } {
	const bySrc: Record<string, string> = {};
	const files: Record<string, string> = {};
	publishedImages(content).forEach((image, index) => {
		const path = imagePath(index, image.source);
		bySrc[`${content.base}${image.output}`] = path;
		files[path] = image.source;
	});
	return { bySrc, files };
}

/** What changed since the latest earlier edition, as the site's /changes/ has it; none for a first edition. */
function changesOf(content: ReportContent, view: LanguageView, words: Words): PdfInput['changes'] {
	const latest = [...content.editions].sort((a, b) => (a.asAt < b.asAt ? -1 : 1)).at(-1);
	if (!latest) return undefined;
	const current = makeSnapshot({
		report: view.report,
		themes: view.themes,
		findings: view.findings.filter((entry) => !entry.data.draft),
	});
	const changes = compareEditions(latest, current);
	return { summary: changesSummary(changes, words), view: changesView(changes, latest, current, words) };
}

/** What the PDF of each language of a report is made from, as the site shows it: drafts left out. */
export function pdfInputs(content: ReportContent, images: Record<string, string>): PdfInput[] {
	return content.languages.flatMap((language, index) => {
		const view = languageView(content, language);
		if (!view) return [];
		const { report } = view;
		const themes = [...view.themes].sort((a, b) => compareByOrder(a.data, b.data));
		const findings = view.findings.filter((entry) => !entry.data.draft).sort((a, b) => compareIds(a.id, b.id));
		const context = {
			language,
			messages: content.strings[language]!,
			statuses: report.statuses,
			outcomes: report.outcomes,
			metrics: report.metrics,
			themes: themes.map((theme) => ({ id: theme.id, title: theme.data.title })),
		};
		const data = findings.map((entry) => entry.data);
		return [
			{
				language,
				messages: content.strings[language]!,
				report,
				themes: themes.map(({ id, data: theme, html }) => ({ id, data: theme, html })),
				findings: findings.map(({ id, data: finding, html }) => ({ id, data: finding, html })),
				pages: [...view.pages]
					.sort((a, b) => compareByOrder(a.data, b.data))
					.map(({ id, data: page, html }) => ({ id, data: page, html })),
				charts: {
					overview: overviewChartsOf(data, context),
					themes: Object.fromEntries(themes.map((theme) => [theme.id, themeChartsOf(theme.id, data, context)])),
				},
				site: report.site && new URL(index ? `${language}/` : '', report.site).href,
				images,
				changes: changesOf(content, view, { language, t: translator(language, content.strings[language]!) }),
			},
		];
	});
}
