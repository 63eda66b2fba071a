import { z } from 'astro/zod';
import { limitedText } from './common.ts';
import { LENGTH_LIMITS } from './limits.ts';

export const themeSchema = z.strictObject({
	title: limitedText(LENGTH_LIMITS.title),
	/** One sentence for cards and search results. */
	summary: limitedText(LENGTH_LIMITS.summary),
	order: z.number().optional(),
});

export type Theme = z.output<typeof themeSchema>;
