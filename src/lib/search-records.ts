import type { Content } from './load.ts';
import { directiveContext } from './directive-context.ts';
import { markdownToHtml } from './markdown-directives.ts';

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

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/** The text of rendered Markdown: tags dropped, block ends kept as spaces, a chart as its caption. */
export function plainText(html: string): string {
	return html
		.replace(/<script[\s\S]*?<\/script>/g, ' ')
		.replace(/<[^>]+>/g, ' ')
		.replace(/&(#?\w+);/g, (entity, name: string) => ENTITIES[name] ?? entity)
		.replace(/\s+/g, ' ')
		.trim();
}

/** Search records of a loaded report: published findings, themes and chapters; drafts never. */
export function searchRecords(content: Content): SearchRecord[] {
	const report = content.report?.data;
	const context = directiveContext(content);
	if (!report || !context) return [];
	const text = (body: string) => plainText(markdownToHtml(body, context));
	const label = (map: Record<string, { label: string }>, key: string | undefined) => (key ? (map[key]?.label ?? key) : '');
	const themeTitles = new Map(content.themes.map((theme) => [theme.id, theme.data.title]));
	const findings = content.findings
		.filter((finding) => !finding.data.draft)
		.map(({ id, data, body }): SearchRecord => {
			const status = label(report.statuses, data.status);
			const outcome = label(report.outcomes, data.outcome);
			return {
				url: `findings/${id}/`,
				title: `${id}: ${data.title}`,
				content: `${id} ${data.title}. ${data.summary} ${text(body)}`,
				meta: { title: data.title, id, kind: 'Finding', status, ...(outcome && { outcome }) },
				filters: {
					theme: data.themes.map((theme) => themeTitles.get(theme) ?? theme),
					status: [status],
					...(outcome && { outcome: [outcome] }),
					year: [data.opened.slice(0, 4)],
				},
				sort: { opened: data.opened },
			};
		});
	const themes = content.themes.map(({ id, data, body }): SearchRecord => ({
		url: `themes/${id}/`,
		title: data.title,
		content: `${data.title}. ${data.summary} ${text(body)}`,
		meta: { title: data.title, kind: 'Theme' },
		filters: {},
		sort: {},
	}));
	const pages = content.pages.map(({ id, data, body }): SearchRecord => ({
		url: `${id}/`,
		title: data.title,
		content: `${data.title}. ${data.summary ?? ''} ${text(body)}`,
		meta: { title: data.title, kind: 'Chapter' },
		filters: {},
		sort: {},
	}));
	return [...findings, ...themes, ...pages];
}
