import { z } from 'astro/zod';
import { RECOMMENDATION_STATUSES } from './recommendation.ts';

/** The open-data form of a finding in findings.json: published fields only, dates as text, with its URL. */
export const exportedFindingSchema = z.strictObject({
	id: z.string(),
	url: z.string().describe('The finding’s page: absolute when the report declares its site'),
	title: z.string(),
	summary: z.string(),
	status: z.string(),
	outcome: z.string().optional(),
	opened: z.iso.date(),
	closed: z.iso.date().optional(),
	themes: z.array(z.string()),
	metrics: z.record(z.string(), z.number().min(0)),
	recommendations: z.array(
		z.strictObject({
			text: z.string(),
			to: z.string(),
			status: z.enum(RECOMMENDATION_STATUSES),
			due: z.iso.date().optional(),
			overdue: z.boolean(),
		}),
	),
	related: z.array(z.string()),
	tags: z.array(z.string()),
});

const labels = z.record(z.string(), z.strictObject({ label: z.string(), description: z.string().optional() }));

export const findingsExportSchema = z.strictObject({
	report: z.strictObject({
		title: z.string(),
		publisher: z.string(),
		asAt: z.iso.date(),
		edition: z.string().optional(),
		language: z.string(),
		site: z.string().optional(),
		metrics: labels,
		statuses: labels,
		outcomes: labels,
		themes: labels,
	}),
	findings: z.array(exportedFindingSchema),
});

export type FindingsExport = z.infer<typeof findingsExportSchema>;
export type ExportedFinding = z.infer<typeof exportedFindingSchema>;
