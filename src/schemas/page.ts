import { z } from 'astro/zod';
import { textSchema } from './common.ts';

export const pageSchema = z.strictObject({
	title: textSchema,
	summary: z.string().optional(),
	order: z.number().optional(),
});

export type Page = z.output<typeof pageSchema>;
