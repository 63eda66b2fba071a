import { z } from 'astro/zod';
import { buildDay } from '../lib/clock.ts';
import { isLanguageTag, languageMessage } from '../lib/languages.ts';
import { parseExpression } from '../lib/figures/expression.ts';
import {
	dateSchema,
	isCalendarDate,
	isoDateSchema,
	keySchema,
	labelSchema,
	limitedString,
	limitedText,
	within,
} from './common.ts';
import { LATEST_AS_AT, LENGTH_LIMITS, tooLong } from './limits.ts';

export const DEFAULT_STATUSES = {
	open: { label: 'Under investigation' },
	completed: { label: 'Completed' },
	discontinued: { label: 'Discontinued' },
};

export const figureSchema = z.strictObject({
	label: limitedText(LENGTH_LIMITS.label),
	value: z.number({ error: 'must be a number, e.g. 62' }),
	/** An expression reconciled against the findings at every check, e.g. `count(status=completed)`. */
	equals: z
		.string()
		.superRefine((text, ctx) => {
			// Not parsed when too long: the parser's message would quote all of it.
			const long = tooLong(text, LENGTH_LIMITS.expression);
			const parsed = long ? undefined : parseExpression(text);
			if (long) ctx.addIssue({ code: 'custom', message: long });
			else if (parsed && !parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.error });
		})
		.optional(),
	description: limitedString(LENGTH_LIMITS.description).optional(),
});

/** A published correction to the report; the check makes sure that the findings it names exist. */
export const correctionSchema = z.strictObject({
	date: isoDateSchema,
	text: limitedText(LENGTH_LIMITS.correction),
	findings: z.array(z.string().min(1)).default([]),
});

export const reportSchema = z
	.strictObject({
		title: limitedText(LENGTH_LIMITS.title),
		/** A short name for files made from the report, e.g. its offline edition `<shortName>-offline.zip`. Astro reserves `slug`. */
		shortName: keySchema.optional(),
		subtitle: limitedString(LENGTH_LIMITS.subtitle).optional(),
		publisher: limitedText(LENGTH_LIMITS.publisher),
		/** The date the figures are correct at. Findings' dates are compared with it by the check (checks.ts). */
		asAt: dateSchema({ date: LATEST_AS_AT, what: 'date a report may be correct at' }),
		language: z
			.string()
			.superRefine((tag, ctx) => {
				if (!isLanguageTag(tag)) ctx.addIssue({ code: 'custom', message: languageMessage(tag) });
			})
			.default('en'),
		/** The other languages the report is published in, each under /<tag>/ (see translations.ts). */
		translations: z
			.array(
				z.string().superRefine((tag, ctx) => {
					if (!isLanguageTag(tag)) ctx.addIssue({ code: 'custom', message: languageMessage(tag) });
				}),
			)
			.default([]),
		site: z
			.url({ protocol: /^https?$/, error: 'must be the absolute http(s) URL of the hosted report' })
			.superRefine(within(LENGTH_LIMITS.site))
			.optional(),
		/** Which edition of the report this is, shown in every footer, e.g. "Interim findings, March 2017". */
		edition: limitedString(LENGTH_LIMITS.edition).optional(),
		/** A line shown on every page, e.g. to say that records are illustrative. */
		notice: limitedString(LENGTH_LIMITS.notice).optional(),
		metrics: z
			.record(keySchema, labelSchema)
			.refine((metrics) => Object.keys(metrics).length > 0, { error: 'declare at least one metric' }),
		outcomes: z.record(keySchema, labelSchema),
		statuses: z.record(keySchema, labelSchema).default(DEFAULT_STATUSES),
		figures: z.record(keySchema, figureSchema).default({}),
		/** Whether the build writes the whole report as one PDF, data/<shortName>.pdf (see src/lib/pdf/). */
		pdf: z.boolean({ error: 'must be true or false: pdf: false leaves the PDF out' }).default(true),
		/** Published corrections, newest first. */
		corrections: z.array(correctionSchema).optional(),
	})
	.superRefine(
		(report, ctx) => {
			if (Array.isArray(report.translations)) {
				const seen = new Set<string>();
				report.translations.forEach((tag, index) => {
					if (typeof tag !== 'string' || !isLanguageTag(tag)) return;
					const canonical = Intl.getCanonicalLocales(tag)[0]!;
					const own = isLanguageTag(report.language) ? Intl.getCanonicalLocales(report.language)[0] : undefined;
					const message =
						canonical === own
							? `${tag} is the report's own language (language:); list only the other languages it is published in`
							: seen.has(canonical)
								? `${tag} is listed twice; list each language once`
								: undefined;
					seen.add(canonical);
					if (message) ctx.addIssue({ code: 'custom', path: ['translations', index], message });
				});
			}
			// A correction comes after the report it corrects, so it may be dated after asAt; not after the day of
			// the build, though: the feed and /changes/ would announce it before it happened.
			if (!Array.isArray(report.corrections)) return;
			const today = buildDay();
			report.corrections.forEach((correction, index) => {
				if (typeof correction?.date === 'string' && isCalendarDate(correction.date) && correction.date > today)
					ctx.addIssue({
						code: 'custom',
						path: ['corrections', index, 'date'],
						message: `${correction.date} is after today (${today}); a correction is dated the day it is published: check the date, or add the correction on that day`,
					});
			});
		},
		// Run even when other fields failed, so that an author sees every problem at once.
		{ when: (payload) => typeof payload.value === 'object' && payload.value !== null },
	);

export type Report = z.output<typeof reportSchema>;
export type Figure = z.output<typeof figureSchema>;
