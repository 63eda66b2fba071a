import type { Finding } from '../../schemas/finding.ts';
import type { Page } from '../../schemas/page.ts';
import type { Report } from '../../schemas/report.ts';
import type { Theme } from '../../schemas/theme.ts';
import type {
	FindingTranslation,
	PageTranslation,
	ReportTranslation,
	ThemeTranslation,
} from '../../schemas/translation.ts';
import type { Entry, ReportContent } from './load.ts';

/** A map of labels with a translation's words over the original's, key by key. */
function labels<T extends { label: string; description?: string | undefined }>(
	original: Record<string, T>,
	words: Record<string, { label: string; description?: string | undefined }>,
): Record<string, T> {
	return Object.fromEntries(
		Object.entries(original).map(([key, value]) => [
			key,
			Object.hasOwn(words, key) ? { ...value, ...words[key] } : value,
		]),
	);
}

/** report.yaml in another language: its facts, with report.<tag>.yaml's words. */
export function reportIn(report: Report, language: string, words: ReportTranslation | undefined): Report {
	if (!words) return { ...report, language };
	return {
		...report,
		language,
		title: words.title,
		subtitle: words.subtitle ?? report.subtitle,
		publisher: words.publisher,
		edition: words.edition ?? report.edition,
		notice: words.notice ?? report.notice,
		metrics: labels(report.metrics, words.metrics),
		outcomes: labels(report.outcomes, words.outcomes),
		statuses: labels(report.statuses, words.statuses),
		figures: labels(report.figures, words.figures),
		...(report.corrections && {
			corrections: report.corrections.map((correction, index) => ({
				...correction,
				text: words.corrections[index]?.text ?? correction.text,
			})),
		}),
	};
}

export function findingIn(finding: Finding, words: FindingTranslation): Finding {
	return {
		...finding,
		title: words.title,
		summary: words.summary,
		recommendations: finding.recommendations.map((recommendation, index) => ({
			...recommendation,
			text: words.recommendations[index]?.text ?? recommendation.text,
			to: words.recommendations[index]?.to ?? recommendation.to,
		})),
	};
}

export const themeIn = (theme: Theme, words: ThemeTranslation): Theme => ({ ...theme, ...words });

export const pageIn = (page: Page, words: PageTranslation): Page => ({
	...page,
	title: words.title,
	summary: words.summary ?? page.summary,
});

/** An entry in another language: the original's facts and id, the translation's words, body and rendering. */
function entryIn<T, W>(original: Entry<T>, translation: Entry<W>, data: T, id = original.id): Entry<T> {
	return { ...translation, id, data };
}

/** The report as published in one of its languages: its own, or a translation, every entry merged. */
export interface LanguageView {
	language: string;
	report: Report;
	themes: Entry<Theme>[];
	findings: Entry<Finding>[];
	pages: Entry<Page>[];
}

export function languageView(content: ReportContent, language: string): LanguageView | undefined {
	const report = content.report?.data;
	if (!report) return undefined;
	if (language === report.language)
		return { language, report, themes: content.themes, findings: content.findings, pages: content.pages };
	const translated = content.translations[language];
	if (!translated) return undefined;
	const merge = <T, W>(
		originals: Entry<T>[],
		translations: Entry<W>[],
		words: (data: T, w: W) => T,
		slug?: (w: W) => string | undefined,
	) => {
		const byId = new Map(translations.map((entry) => [entry.id, entry]));
		return originals.flatMap((original) => {
			const translation = byId.get(original.id);
			return translation
				? [
						entryIn(
							original,
							translation,
							words(original.data, translation.data),
							slug?.(translation.data) ?? original.id,
						),
					]
				: [];
		});
	};
	return {
		language,
		report: reportIn(report, language, translated.report?.data),
		themes: merge(content.themes, translated.themes, themeIn),
		findings: merge(content.findings, translated.findings, findingIn),
		pages: merge(content.pages, translated.pages, pageIn, (words) => words.slug),
	};
}
