import type { EditionChanges } from './compare.ts';
import { changeCount } from './compare.ts';
import { formatDate } from '../format.ts';
import type { MessageKey, Words } from '../i18n/messages.ts';

export interface FeedEdition {
	asAt: string;
	edition?: string | undefined;
	/** What changed since the edition before it; none for the first. */
	changes?: EditionChanges | undefined;
	/** The page that shows it: only the current edition has one. */
	href?: string | undefined;
}

export interface FeedCorrection {
	date: string;
	text: string;
	findings: readonly { id: string; href: string }[];
}

export interface FeedInput {
	title: string;
	publisher: string;
	/** The feed's own address and the site's, absolute when the report declares `site`, else relative to the site. */
	feedHref: string;
	siteHref: string;
	/** A stable name for the report in ids when it has no site, e.g. its short name. */
	name: string;
	site?: string | undefined;
	editions: readonly FeedEdition[];
	corrections: readonly FeedCorrection[];
	words: Words;
}

const xml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
const time = (date: string) => `${date}T00:00:00Z`;

/** A permanent id for an entry: under the site's address when it has one, else a tag URI (RFC 4151). */
function entryId(input: FeedInput, path: string): string {
	return input.site ? new URL(path, input.site).href : `tag:findings-report,2026:${input.name}/${path}`;
}

/** "3 findings added, 2 changes of status and 1 headline figure changed", or nothing when nothing changed. */
export function changesList(changes: EditionChanges, { language, t }: Words): string {
	const parts: [number, MessageKey][] = [
		[changes.added.length, 'changes.added'],
		[changes.removed.length, 'changes.removed'],
		[changes.status.length, 'changes.statusChanges'],
		[changes.outcome.length, 'changes.outcomeChanges'],
		[changes.metrics.length, 'changes.metricChanges'],
		[changes.recommendations.length, 'changes.recommendationChanges'],
		[changes.figures.filter((figure) => figure.before !== figure.after).length, 'changes.figureChanges'],
	];
	const said = parts.filter(([count]) => count > 0).map(([count, key]) => t(key, { count }));
	return new Intl.ListFormat(language, { type: 'conjunction' }).format(said);
}

/** What a reader of the feed sees of an edition: what changed since the one before it, and when that was. */
export function changesSummary(changes: EditionChanges, words: Words): string {
	const date = formatDate(changes.since.asAt, words.language);
	const list = changesList(changes, words);
	return changeCount(changes) || list
		? words.t('changes.summarySince', { changes: list, date })
		: words.t('changes.none', { date });
}

/** An Atom feed (RFC 4287): an entry per edition, saying what changed, and one per correction. */
export function atomFeed(input: FeedInput): string {
	const { language, t } = input.words;
	const date = (iso: string) => formatDate(iso, language);
	const entries = [
		...input.editions.map((edition) => ({
			id: entryId(input, `editions/${edition.asAt}`),
			title: edition.edition
				? t('feed.edition', { edition: edition.edition, date: date(edition.asAt) })
				: t('feed.editionUnnamed', { date: date(edition.asAt) }),
			updated: edition.asAt,
			summary: edition.changes ? changesSummary(edition.changes, input.words) : t('feed.first'),
			href: edition.href ?? input.siteHref,
		})),
		...input.corrections.map((correction, index) => ({
			id: entryId(input, `corrections/${correction.date}/${index + 1}`),
			title: t('feed.correction', { date: date(correction.date) }),
			updated: correction.date,
			summary: correction.text,
			href: correction.findings[0]?.href ?? input.siteHref,
		})),
	].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
	const updated = entries[0]?.updated ?? '1970-01-01';
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xml(language)}">`,
		`\t<title>${xml(input.title)}</title>`,
		`\t<subtitle>${xml(t('feed.subtitle'))}</subtitle>`,
		`\t<id>${xml(entryId(input, 'feed.xml'))}</id>`,
		`\t<updated>${time(updated)}</updated>`,
		`\t<author><name>${xml(input.publisher)}</name></author>`,
		`\t<link rel="self" type="application/atom+xml" href="${xml(input.feedHref)}"/>`,
		`\t<link rel="alternate" type="text/html" href="${xml(input.siteHref)}"/>`,
		...entries.map((entry) =>
			[
				'\t<entry>',
				`\t\t<id>${xml(entry.id)}</id>`,
				`\t\t<title>${xml(entry.title)}</title>`,
				`\t\t<updated>${time(entry.updated)}</updated>`,
				`\t\t<link rel="alternate" type="text/html" href="${xml(entry.href)}"/>`,
				`\t\t<summary>${xml(entry.summary)}</summary>`,
				'\t</entry>',
			].join('\n'),
		),
		'</feed>',
		'',
	].join('\n');
}
