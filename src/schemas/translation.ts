import { z } from 'astro/zod';
import { keySchema, labelSchema, limitedString, limitedText } from './common.ts';
import { LENGTH_LIMITS } from './limits.ts';
import { recommendationSchema } from './recommendation.ts';

/**
 * A translation holds the words of its original and nothing else: the facts (status, dates, themes, metrics, …) are
 * shared by every language and set in the original. Keys beyond these are refused by the check, saying so.
 */
export const findingTranslationSchema = z.strictObject({
	title: limitedText(LENGTH_LIMITS.title),
	summary: limitedText(LENGTH_LIMITS.summary),
	/** As many as the original has, in its order. */
	recommendations: z
		.array(z.strictObject({ text: recommendationSchema.shape.text, to: recommendationSchema.shape.to.optional() }))
		.default([]),
});

export const themeTranslationSchema = z.strictObject({
	title: limitedText(LENGTH_LIMITS.title),
	summary: limitedText(LENGTH_LIMITS.summary),
});

export const pageTranslationSchema = z.strictObject({
	title: limitedText(LENGTH_LIMITS.title),
	summary: limitedString(LENGTH_LIMITS.summary).optional(),
	/** The chapter's address in this language, e.g. `methodoleg` for `method`. */
	slug: keySchema.optional(),
});

export const reportTranslationSchema = z.strictObject({
	title: limitedText(LENGTH_LIMITS.title),
	subtitle: limitedString(LENGTH_LIMITS.subtitle).optional(),
	publisher: limitedText(LENGTH_LIMITS.publisher),
	edition: limitedString(LENGTH_LIMITS.edition).optional(),
	notice: limitedString(LENGTH_LIMITS.notice).optional(),
	metrics: z.record(keySchema, labelSchema).default({}),
	outcomes: z.record(keySchema, labelSchema).default({}),
	statuses: z.record(keySchema, labelSchema).default({}),
	figures: z.record(keySchema, labelSchema).default({}),
	/** Each correction's text, in the order of report.yaml's. */
	corrections: z.array(z.strictObject({ text: limitedText(LENGTH_LIMITS.correction) })).default([]),
});

export type FindingTranslation = z.output<typeof findingTranslationSchema>;
export type ThemeTranslation = z.output<typeof themeTranslationSchema>;
export type PageTranslation = z.output<typeof pageTranslationSchema>;
export type ReportTranslation = z.output<typeof reportTranslationSchema>;
