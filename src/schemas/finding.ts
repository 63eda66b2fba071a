import { z } from 'astro/zod';
import { isoDateSchema, limitedText, textSchema, within } from './common.ts';
import { LENGTH_LIMITS } from './limits.ts';
import { recommendationSchema } from './recommendation.ts';

export const SUMMARY_MAX = LENGTH_LIMITS.summary;

/** Finding ids appear as written in URLs (`/findings/INV-007/`), so they are limited to URL-safe characters. */
export const FINDING_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** The statuses whose names carry a rule: a completed finding has an outcome and a closed date, an open one has neither. */
export const COMPLETED = 'completed';
export const OPEN = 'open';

const idListSchema = z.array(z.string().min(1));

export const findingSchema = z
	.strictObject({
		id: z
			.string({ error: 'must be text; put it in quotes if it is a number, e.g. "007"' })
			.regex(FINDING_ID_PATTERN, { error: 'use letters, digits, ".", "_" and "-" only, e.g. INV-007' })
			.optional(),
		title: limitedText(LENGTH_LIMITS.title),
		summary: limitedText(LENGTH_LIMITS.summary),
		status: textSchema,
		outcome: z.string().min(1).optional(),
		opened: isoDateSchema,
		closed: isoDateSchema.optional(),
		themes: idListSchema.default([]),
		metrics: z
			.record(z.string(), z.number({ error: 'must be a number' }).min(0, { error: 'must be 0 or more' }))
			.default({}),
		recommendations: z.array(recommendationSchema).default([]),
		related: idListSchema.default([]),
		tags: z.array(z.string().min(1).superRefine(within(LENGTH_LIMITS.tag))).default([]),
		draft: z.boolean({ error: 'must be true or false' }).default(false),
	})
	.superRefine(
		(finding, ctx) => {
			const completed = finding.status === COMPLETED;
			if (completed && finding.outcome === undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['outcome'],
					message: 'is required when status is completed; add one of the outcomes declared in report.yaml',
				});
			if (finding.status === OPEN && finding.outcome !== undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['outcome'],
					message: 'must not be set while status is open; remove it, or change the status',
				});
			if (completed && finding.closed === undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['closed'],
					message: 'is required when status is completed; add the date the finding was closed (YYYY-MM-DD)',
				});
			if (finding.status === OPEN && finding.closed !== undefined)
				ctx.addIssue({
					code: 'custom',
					path: ['closed'],
					message: 'must not be set while status is open; remove it, or change the status',
				});
			if (typeof finding.opened === 'string' && typeof finding.closed === 'string' && finding.closed < finding.opened)
				ctx.addIssue({
					code: 'custom',
					path: ['closed'],
					message: `${finding.closed} is before opened (${finding.opened}); a finding cannot close before it opens`,
				});
		},
		// Run even when other fields failed, so that an author sees every problem at once.
		{ when: (payload) => typeof payload.value === 'object' && payload.value !== null },
	);

export type Finding = z.output<typeof findingSchema>;

/** A finding's facts as the open data and the edition snapshots give them: optional fields only when set. */
export function findingFacts(id: string, data: Finding) {
	return {
		id,
		title: data.title,
		status: data.status,
		...(data.outcome && { outcome: data.outcome }),
		opened: data.opened,
		...(data.closed && { closed: data.closed }),
		themes: data.themes,
		metrics: data.metrics,
	};
}
