import { z } from 'astro/zod';
import { limitedString, limitedText } from './common.ts';
import { LENGTH_LIMITS } from './limits.ts';

export const pageSchema = z.strictObject({
	title: limitedText(LENGTH_LIMITS.title),
	summary: limitedString(LENGTH_LIMITS.summary).optional(),
	order: z.number().optional(),
});

export type Page = z.output<typeof pageSchema>;
