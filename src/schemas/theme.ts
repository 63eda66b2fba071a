import { z } from 'astro/zod';
import { textSchema } from './common.ts';

export const themeSchema = z.strictObject({
	title: textSchema,
	/** One sentence for cards and search results. */
	summary: textSchema,
	order: z.number().optional(),
});

export type Theme = z.output<typeof themeSchema>;
