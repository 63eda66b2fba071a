import { z } from 'astro/zod';
import { parseExpression } from '../lib/expression.ts';
import { isoDateSchema, keySchema, labelSchema, textSchema } from './common.ts';

export const DEFAULT_STATUSES = {
	open: { label: 'Under investigation' },
	completed: { label: 'Completed' },
	discontinued: { label: 'Discontinued' },
};

export const figureSchema = z.strictObject({
	label: textSchema,
	value: z.number({ error: 'must be a number, e.g. 62' }),
	/** An expression reconciled against the findings at every check, e.g. `count(status=completed)`. */
	equals: z
		.string()
		.superRefine((text, ctx) => {
			const parsed = parseExpression(text);
			if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
		})
		.optional(),
	description: z.string().optional(),
});

function isLanguageTag(tag: string): boolean {
	try {
		return Intl.getCanonicalLocales(tag).length === 1;
	} catch {
		return false;
	}
}

export const reportSchema = z.strictObject({
	title: textSchema,
	/** A short name for files made from the report, e.g. its offline edition `<shortName>-offline.zip`. Astro reserves `slug`. */
	shortName: keySchema.optional(),
	subtitle: z.string().optional(),
	publisher: textSchema,
	/** The date the figures are correct at. */
	asAt: isoDateSchema,
	language: z
		.string()
		.refine(isLanguageTag, { error: 'must be a language tag such as en, en-GB or cy' })
		.default('en'),
	site: z.url({ protocol: /^https?$/, error: 'must be the absolute http(s) URL of the hosted report' }).optional(),
	/** Which edition of the report this is, shown in every footer, e.g. "Interim findings, March 2017". */
	edition: z.string().optional(),
	/** A line shown on every page, e.g. to say that records are illustrative. */
	notice: z.string().optional(),
	metrics: z
		.record(keySchema, labelSchema)
		.refine((metrics) => Object.keys(metrics).length > 0, { error: 'declare at least one metric' }),
	outcomes: z.record(keySchema, labelSchema),
	statuses: z.record(keySchema, labelSchema).default(DEFAULT_STATUSES),
	figures: z.record(keySchema, figureSchema).default({}),
});

export type Report = z.output<typeof reportSchema>;
export type Figure = z.output<typeof figureSchema>;
