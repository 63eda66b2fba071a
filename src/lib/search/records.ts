import { languageView } from '../content/language-view.ts';
import { translator } from '../i18n/translate.ts';
import { own } from '../own.ts';
import type { ReportContent } from '../content/load.ts';

/** One searchable page: a finding, a theme or a chapter. The same records feed every search index. */
export interface SearchRecord {
	/** Relative to the site's base, e.g. `findings/INV-01/`. */
	url: string;
	title: string;
	/** The words searched: title, summary and body as a reader sees them (directives written out). */
	content: string;
	meta: Record<string, string>;
	filters: Record<string, string[]>;
	sort: Record<string, string>;
}

/**
 * Search records of a loaded report in one of its languages (its own by default): published findings, themes and
 * chapters; drafts never. Addresses are from the language's root, where its search page and index are.
 */
export function searchRecords(content: ReportContent, language = content.languages[0]!): SearchRecord[] {
	return sourcedRecords(content, language).map(({ record }) => record);
}

/** The search records, each with the file it is made from. */
export function sourcedRecords(
	content: ReportContent,
	language = content.languages[0]!,
): { path: string; record: SearchRecord }[] {
	const view = languageView(content, language);
	if (!view) return [];
	const { report } = view;
	const t = translator(language, content.strings[language]!);
	const label = (map: Record<string, { label: string }>, key: string | undefined) =>
		key ? (own(map, key)?.label ?? key) : '';
	const themeTitles = new Map(view.themes.map((theme) => [theme.id, theme.data.title]));
	const findings = view.findings
		.filter((finding) => !finding.data.draft)
		.map(({ id, path, data, text }) => {
			const status = label(report.statuses, data.status);
			const outcome = label(report.outcomes, data.outcome);
			const record: SearchRecord = {
				url: `findings/${id}/`,
				title: `${id}: ${data.title}`,
				content: `${id} ${data.title}. ${data.summary} ${text}`,
				meta: { title: data.title, id, kind: t('search.kindFinding'), status, ...(outcome && { outcome }) },
				filters: {
					theme: data.themes.map((theme) => themeTitles.get(theme) ?? theme),
					status: [status],
					...(outcome && { outcome: [outcome] }),
					year: [data.opened.slice(0, 4)],
				},
				sort: { opened: data.opened },
			};
			return { path, record };
		});
	const themes = view.themes.map(({ id, path, data, text }) => ({
		path,
		record: {
			url: `themes/${id}/`,
			title: data.title,
			content: `${data.title}. ${data.summary} ${text}`,
			meta: { title: data.title, kind: t('search.kindTheme') },
			filters: {},
			sort: {},
		},
	}));
	const pages = view.pages.map(({ id, path, data, text }) => ({
		path,
		record: {
			url: `${id}/`,
			title: data.title,
			content: `${data.title}. ${data.summary ?? ''} ${text}`,
			meta: { title: data.title, kind: t('search.kindChapter') },
			filters: {},
			sort: {},
		},
	}));
	return [...findings, ...themes, ...pages];
}
