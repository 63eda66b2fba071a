import type { EditionChanges } from './compare.ts';
import { changeCount } from './compare.ts';

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
}

const xml = (text: string) => text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
const time = (date: string) => `${date}T00:00:00Z`;

/** A permanent id for an entry: under the site's address when it has one, else a tag URI (RFC 4151). */
function entryId(input: FeedInput, path: string): string {
	return input.site ? new URL(path, input.site).href : `tag:findings-report,2026:${input.name}/${path}`;
}

/** "3 findings added, 2 changes of status, …": what a reader of the feed sees of an edition. */
export function changesSummary(changes: EditionChanges): string {
	const parts: [number, string, string][] = [
		[changes.added.length, 'finding added', 'findings added'],
		[changes.removed.length, 'finding no longer in the report', 'findings no longer in the report'],
		[changes.status.length, 'change of status', 'changes of status'],
		[changes.outcome.length, 'change of outcome', 'changes of outcome'],
		[changes.metrics.length, 'change of a figure of a finding', 'changes of figures of findings'],
		[changes.recommendations.length, 'recommendation with a new status', 'recommendations with a new status'],
	];
	const said = parts.filter(([count]) => count > 0).map(([count, one, many]) => `${count} ${count === 1 ? one : many}`);
	const figures = changes.figures.filter((figure) => figure.before !== figure.after).length;
	if (figures) said.push(`${figures} headline ${figures === 1 ? 'figure' : 'figures'} changed`);
	return changeCount(changes) || figures
		? `${said.join(', ')} since the edition of ${changes.since.asAt}.`
		: `No change since the edition of ${changes.since.asAt}.`;
}

/** An Atom feed (RFC 4287): an entry per edition, saying what changed, and one per correction. */
export function atomFeed(input: FeedInput): string {
	const entries = [
		...input.editions.map((edition) => ({
			id: entryId(input, `editions/${edition.asAt}`),
			title: `${edition.edition ?? 'Edition'} (figures as at ${edition.asAt})`,
			updated: edition.asAt,
			summary: edition.changes ? changesSummary(edition.changes) : 'The first edition.',
			href: edition.href ?? input.siteHref,
		})),
		...input.corrections.map((correction, index) => ({
			id: entryId(input, `corrections/${correction.date}/${index + 1}`),
			title: `Correction of ${correction.date}`,
			updated: correction.date,
			summary: correction.text,
			href: correction.findings[0]?.href ?? input.siteHref,
		})),
	].sort((a, b) => (a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : 0));
	const updated = entries[0]?.updated ?? '1970-01-01';
	return [
		'<?xml version="1.0" encoding="utf-8"?>',
		'<feed xmlns="http://www.w3.org/2005/Atom">',
		`\t<title>${xml(input.title)}</title>`,
		`\t<subtitle>Editions and corrections</subtitle>`,
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
