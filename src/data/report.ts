import { base } from 'astro:config/client';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { contentDir } from '../lib/content/dirs.ts';
import { currentContent } from '../lib/content/current.ts';
import { compareByOrder, compareIds } from '../lib/order.ts';
import { faultPoint } from '../lib/plumbing/fault.ts';

export type FindingEntry = CollectionEntry<'findings'>;
export type ThemeEntry = CollectionEntry<'themes'>;
export type PageEntry = CollectionEntry<'pages'>;

export function getReport() {
	return once('report', async () => {
		faultPoint('pages');
		const entry = await getEntry('report', 'report');
		if (!entry) throw new Error('report.yaml was not loaded; run `npm run check` to see why');
		return entry.data;
	});
}

/**
 * Each collection read and sorted once per reading of the report folder (once per build, once per save in dev):
 * every one of 10,000 pages asks for them, and Astro copies a collection on each call. Callers must not mutate.
 */
const memo = new WeakMap<object, Map<string, Promise<unknown>>>();
export function once<T>(name: string, read: () => Promise<T>): Promise<T> {
	const content = currentContent(contentDir());
	let cached = memo.get(content);
	if (!cached) memo.set(content, (cached = new Map()));
	if (!cached.has(name)) cached.set(name, read());
	return cached.get(name) as Promise<T>;
}

// Astro warns on every read of an empty collection; themes and chapters are optional, so skip those reads.
const hasThemes = () => currentContent(contentDir()).themes.length > 0;
const hasPages = () => currentContent(contentDir()).pages.length > 0;

/** The rendered Markdown body of an entry, as the loader stored it. */
export function bodyHtml(entry: { rendered?: { html: string } | undefined }): string {
	return entry.rendered?.html ?? '';
}

/** Whether an entry's body draws a chart, so that its page loads the chart script, and only then. */
export function bodyHasChart(entry: {
	rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
}): boolean {
	return entry.rendered?.metadata?.hasChart === true;
}

/** Whether an entry's body begins with a heading of its own, so that its page need not give it one. */
export function bodyOpensWithHeading(entry: {
	rendered?: { metadata?: Record<string, unknown> | undefined } | undefined;
}): boolean {
	return entry.rendered?.metadata?.opensWithHeading === true;
}

export function getThemes(): Promise<ThemeEntry[]> {
	return once('themes', async () =>
		hasThemes() ? (await getCollection('themes')).sort((a, b) => compareByOrder(a.data, b.data)) : [],
	);
}

/** Published findings only: a draft is in no page, chart, figure, count, download or index. */
export function getFindings(): Promise<FindingEntry[]> {
	return once('findings', async () =>
		(await getCollection('findings', ({ data }) => !data.draft)).sort((a, b) => compareIds(a.id, b.id)),
	);
}

export function getPages(): Promise<PageEntry[]> {
	return once('pages', async () =>
		hasPages() ? (await getCollection('pages')).sort((a, b) => compareByOrder(a.data, b.data)) : [],
	);
}

/** A path under the site's base, e.g. `url('findings/INV-07/')`. (import.meta.env.BASE_URL is '/' in Astro 7's server build.) */
export function url(path = ''): string {
	return `${base.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
}
