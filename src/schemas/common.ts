import { z } from 'astro/zod';
import { EARLIEST_DATE, LENGTH_LIMITS, tooLong } from './limits.ts';

/** Keys of report.yaml maps (metrics, outcomes, statuses, figures) and theme ids: they appear in URLs and in filter expressions. */
export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * `constructor` and `prototype` match the pattern and are allowed: they are ordinary words, and every lookup of a
 * name from the content goes through `Object.hasOwn` or a Map, never through an object's prototype.
 */
export const keySchema = z
	.string()
	.regex(KEY_PATTERN, { error: 'use lower-case letters, digits and single hyphens, e.g. "information-sharing"' })
	.superRefine(within(LENGTH_LIMITS.key));

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether a text is a date written YYYY-MM-DD that the calendar has (not 2017-02-30). */
export function isCalendarDate(text: string): boolean {
	const match = ISO_DATE.exec(text);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	const date = new Date(0);
	// setUTCFullYear, unlike Date.UTC, keeps the years 0 to 99 as written rather than reading 15 as 1915.
	date.setUTCFullYear(year, month - 1, day);
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A check that a text is at most `limit` characters long, saying how long it is and what to shorten it to. */
export function within(limit: number) {
	return (text: string, ctx: z.core.$RefinementCtx<string>) => {
		const message = tooLong(text, limit);
		if (message) ctx.addIssue({ code: 'custom', message });
	};
}

/** What is wrong with a date as written, and the right way to write it; for 01/04/2026, both ways it may be meant. */
function notADate(text: string): string {
	const shown = JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
	const parts = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
	if (parts) {
		const [, first, second, year] = parts as unknown as [string, string, string, string];
		const iso = (month: string, day: string) => `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
		const readings = [...new Set([iso(second, first), iso(first, second)].filter(isCalendarDate))];
		if (readings.length === 1) return `${shown} is not written as YYYY-MM-DD; write ${readings[0]}`;
		if (readings.length)
			return `${shown} is not written as YYYY-MM-DD; write ${readings.join(' or ')}, whichever is meant`;
	}
	return `${shown} is not a real date written as YYYY-MM-DD, e.g. 2017-03-08`;
}

/**
 * A calendar date from 1900 to `latest`, kept as `YYYY-MM-DD` text so that it compares, prints and exports without
 * time zones. Astro's frontmatter parser hands over `Date` objects, the check's parser hands over text: both are
 * accepted. A date's upper bound usually depends on the report's asAt, which the check compares across files.
 */
export function dateSchema(latest?: { date: string; what: string }) {
	return z.preprocess(
		(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
		z
			.string({
				error: (issue) =>
					issue.input === undefined
						? 'is required; add a date written as YYYY-MM-DD, e.g. 2017-03-08'
						: `${JSON.stringify(issue.input)} is not a date written as YYYY-MM-DD, e.g. 2017-03-08`,
			})
			.superRefine((text, ctx) => {
				if (!isCalendarDate(text)) ctx.addIssue({ code: 'custom', message: notADate(text) });
				else if (text < EARLIEST_DATE)
					ctx.addIssue({
						code: 'custom',
						message: `${text} is before ${EARLIEST_DATE}, the earliest date a report may hold; check the year`,
					});
				else if (latest && text > latest.date)
					ctx.addIssue({
						code: 'custom',
						message: `${text} is after ${latest.date}, the latest ${latest.what}; check the year`,
					});
			}),
	);
}

export const isoDateSchema = dateSchema();

/** Text of at most `limit` characters, possibly empty. */
export function limitedString(limit: number) {
	return z.string().superRefine(within(limit));
}

export const labelSchema = z.strictObject({
	label: z.string().min(1).superRefine(within(LENGTH_LIMITS.label)),
	description: limitedString(LENGTH_LIMITS.description).optional(),
});

export const textSchema = z.string().trim().min(1, { error: 'must not be empty' });

/** Required text of at most `limit` characters, its surrounding spaces trimmed. */
export function limitedText(limit: number) {
	return textSchema.superRefine(within(limit));
}
