import { base } from 'astro:config/client';
import { getCollection, getEntry, type CollectionEntry } from 'astro:content';
import { contentDir } from '../lib/content/dirs.ts';
import { currentContent } from '../lib/content/current.ts';
import { compareByOrder, compareIds } from '../lib/order.ts';
import { faultPoint } from '../lib/plumbing/fault.ts';
import { currentLanguage, mainLanguage } from './language.ts';

export type FindingEntry = CollectionEntry<'findings'>;
export type ThemeEntry = CollectionEntry<'themes'>;
export type PageEntry = CollectionEntry<'pages'>;

export function getReport() {
	const language = currentLanguage();
	return once(`report ${language}`, async () => {
		faultPoint('pages');
		const entry = await getEntry('report', language === mainLanguage() ? 'report' : language);
		if (!entry) throw new Error('report.yaml was not loaded; run `npm run check` to see why');
		return entry.data;
	});
}

/** report.yaml as written, in the report's own language: what names files (the PDF, the offline edition). */
export function reportAsWritten() {
	return currentContent(contentDir()).report!.data;
}

/**
 * The entries of a collection in the page's language: the report's own under their ids, every other language's
 * stored as `<tag>/<id>` (see integration/loader.ts), given back under their ids.
 */
async function entriesIn<C extends 'themes' | 'findings' | 'pages'>(
	collection: C,
	keep: (entry: CollectionEntry<C>) => boolean = () => true,
): Promise<CollectionEntry<C>[]> {
	const language = currentLanguage();
	const prefix = language === mainLanguage() ? '' : `${language}/`;
	const entries = await getCollection(collection, (entry: CollectionEntry<C>) =>
		prefix ? entry.id.startsWith(prefix) && keep(entry) : !entry.id.includes('/') && keep(entry),
	);
	return prefix ? entries.map((entry) => ({ ...entry, id: entry.id.slice(prefix.length) })) : entries;
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
	return once(`themes ${currentLanguage()}`, async () =>
		hasThemes() ? (await entriesIn('themes')).sort((a, b) => compareByOrder(a.data, b.data)) : [],
	);
}

/** Published findings only: a draft is in no page, chart, figure, count, download or index. */
export function getFindings(): Promise<FindingEntry[]> {
	return once(`findings ${currentLanguage()}`, async () =>
		(await entriesIn('findings', ({ data }) => !data.draft)).sort((a, b) => compareIds(a.id, b.id)),
	);
}

export function getPages(): Promise<PageEntry[]> {
	return once(`pages ${currentLanguage()}`, async () =>
		hasPages() ? (await entriesIn('pages')).sort((a, b) => compareByOrder(a.data, b.data)) : [],
	);
}

/**
 * A path of the page's language under the site's base, e.g. `url('findings/INV-07/')`: `/en/findings/INV-07/` on
 * an English page of a Welsh report. (import.meta.env.BASE_URL is '/' in Astro 7's server build.)
 */
export function url(path = ''): string {
	return urlIn(currentLanguage(), path);
}

/** A path of one language under the site's base: for links to a page's counterparts. */
export function urlIn(language: string, path = ''): string {
	const prefix = language === mainLanguage() ? '' : `${language}/`;
	return `${base.replace(/\/$/, '')}/${prefix}${path.replace(/^\//, '')}`;
}
