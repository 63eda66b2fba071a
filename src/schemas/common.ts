import { z } from 'astro/zod';

/** Keys of report.yaml maps (metrics, outcomes, statuses, figures) and theme ids: they appear in URLs and in filter expressions. */
export const KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const keySchema = z
	.string()
	.regex(KEY_PATTERN, { error: 'use lower-case letters, digits and single hyphens, e.g. "information-sharing"' });

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
	const match = ISO_DATE.exec(text);
	if (!match) return false;
	const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
	const date = new Date(Date.UTC(year, month - 1, day));
	return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A calendar date, kept as `YYYY-MM-DD` text so that it compares, prints and exports without time zones.
 * Astro's frontmatter parser hands over `Date` objects, the check's parser hands over text: both are accepted.
 */
export const isoDateSchema = z.preprocess(
	(value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
	z
		.string({
			error: (issue) =>
				issue.input === undefined
					? 'is required; add a date written as YYYY-MM-DD, e.g. 2017-03-08'
					: 'must be a date written as YYYY-MM-DD, e.g. 2017-03-08',
		})
		.refine(isCalendarDate, { error: 'must be a real date written as YYYY-MM-DD, e.g. 2017-03-08' }),
);

export const labelSchema = z.strictObject({
	label: z.string().min(1),
	description: z.string().optional(),
});

export const textSchema = z.string().trim().min(1, { error: 'must not be empty' });
