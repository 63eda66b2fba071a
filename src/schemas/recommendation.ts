import { z } from 'astro/zod';
import { isoDateSchema, textSchema } from './common.ts';

export const RECOMMENDATION_STATUSES = ['made', 'accepted', 'rejected', 'implemented'] as const;

export const recommendationSchema = z.strictObject({
	text: textSchema,
	/** The body the recommendation is addressed to. */
	to: textSchema,
	status: z.enum(RECOMMENDATION_STATUSES).default('made'),
	due: isoDateSchema.optional(),
});

export type Recommendation = z.output<typeof recommendationSchema>;
