import { z } from 'astro/zod';
import { isoDateSchema, limitedText } from './common.ts';
import { LENGTH_LIMITS } from './limits.ts';

export const RECOMMENDATION_STATUSES = ['made', 'accepted', 'rejected', 'implemented'] as const;

export const recommendationSchema = z.strictObject({
	text: limitedText(LENGTH_LIMITS.recommendation),
	/** The body the recommendation is addressed to. */
	to: limitedText(LENGTH_LIMITS.recipient),
	status: z.enum(RECOMMENDATION_STATUSES).default('made'),
	/** A deadline, so it may be after asAt: the check allows up to 50 years after it. */
	due: isoDateSchema.optional(),
});

export type Recommendation = z.output<typeof recommendationSchema>;
