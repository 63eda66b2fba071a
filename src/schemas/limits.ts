/**
 * Every limit on what an author may write, in one place: the schemas and the check apply them, and docs/security.md
 * quotes them. They are far above what a real report needs and far below what would break a page: a title of
 * 5,000,000 characters passes YAML, but not a reader's screen, a browser tab's memory or a CSV cell.
 *
 * Lengths count characters as a reader does (Unicode code points: an emoji is one), after leading and trailing
 * spaces are trimmed from required text.
 */
export const LENGTH_LIMITS = {
	/** Keys of report.yaml maps (metrics, outcomes, statuses, figures) and `shortName`: as long as an id may be. */
	key: 100,
	/** report.yaml `title`, a finding's, theme's or chapter's `title`. */
	title: 200,
	/** report.yaml `subtitle`. */
	subtitle: 300,
	/** report.yaml `publisher`. */
	publisher: 200,
	/** report.yaml `edition`, shown in every footer. */
	edition: 300,
	/** report.yaml `notice`, shown on every page. */
	notice: 300,
	/** report.yaml `site`: an address, repeated in every page's head. */
	site: 500,
	/** The `label` of a metric, outcome, status or figure: it names a chart's bar, a table column, a facet. */
	label: 80,
	/** The `description` of a metric, outcome, status or figure. */
	description: 300,
	/** A figure's `equals` expression, e.g. `count(status=completed)`. */
	expression: 200,
	/** A finding's, theme's or chapter's `summary`: one sentence, for cards and search results. */
	summary: 300,
	/** A recommendation's `text`. */
	recommendation: 2000,
	/** A correction's `text`. */
	correction: 2000,
	/** A recommendation's `to`: the body it is addressed to. */
	recipient: 200,
	/** Each of a finding's `tags`. */
	tag: 50,
	/** The Markdown body of a finding, theme or chapter (after the frontmatter): about 150,000 words. */
	body: 1_000_000,
} as const;

export type LengthLimit = keyof typeof LENGTH_LIMITS;

/** No report holds a date before this: an earlier one is a typo, such as 0215 for 2015, and would stretch every chart by centuries. */
export const EARLIEST_DATE = '1900-01-01';
/** The latest `asAt` a report may have: a later one is a typo. */
export const LATEST_AS_AT = '2100-12-31';
/** A recommendation's `due` may be after `asAt` (it is a deadline), but at most this many years after it. */
export const DUE_YEARS_AFTER_AS_AT = 50;

/** The length of a text in characters (code points), counted without copying a text of millions of them. */
export function characters(text: string): number {
	let pairs = 0;
	for (let index = 0; index < text.length - 1; index++) {
		const code = text.charCodeAt(index);
		if (code >= 0xd800 && code <= 0xdbff) {
			const next = text.charCodeAt(index + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				pairs++;
				index++;
			}
		}
	}
	return text.length - pairs;
}

/** A count as an author reads it: 5,242,880. */
export function withSeparators(value: number): string {
	return value.toLocaleString('en-GB');
}

/** What is wrong with a text that is too long, and how to fix it; undefined when it is not. */
export function tooLong(text: string, limit: number): string | undefined {
	// A text no longer in code units than the limit cannot be longer in characters.
	if (text.length <= limit) return undefined;
	const length = characters(text);
	return length > limit
		? `is ${withSeparators(length)} characters long; shorten it to at most ${withSeparators(limit)}`
		: undefined;
}

/** The date `years` years after a date, 29 February becoming 28 February in a year that has none. */
export function yearsAfter(date: string, years: number): string {
	const year = String(Number(date.slice(0, 4)) + years).padStart(4, '0');
	const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	const rest = date.slice(4) === '-02-29' && !leap(Number(year)) ? '-02-28' : date.slice(4);
	return `${year}${rest}`;
}
