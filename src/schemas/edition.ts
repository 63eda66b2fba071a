import { z } from 'astro/zod';
import { RECOMMENDATION_STATUSES } from './recommendation.ts';

/** The format version of a snapshot: a later Findings Report reads older versions, and says so when it cannot. */
export const SNAPSHOT_FORMAT = 'findings-report-edition';
export const SNAPSHOT_VERSION = 1;

const date = z.iso.date();
const labels = z.record(z.string(), z.strictObject({ label: z.string() }));

export const snapshotFindingSchema = z.strictObject({
	id: z.string().min(1),
	title: z.string(),
	status: z.string(),
	outcome: z.string().optional(),
	opened: date,
	closed: date.optional(),
	themes: z.array(z.string()),
	metrics: z.record(z.string(), z.number()),
	recommendations: z.array(
		z.strictObject({ text: z.string(), to: z.string(), status: z.enum(RECOMMENDATION_STATUSES), due: date.optional() }),
	),
});

/**
 * What `npm run snapshot` keeps of an edition, for later editions to compare with: the report's names, each
 * headline figure's value and every published finding's facts. Drafts are never in a snapshot.
 */
export const snapshotSchema = z.strictObject({
	format: z.literal(SNAPSHOT_FORMAT),
	version: z.literal(SNAPSHOT_VERSION),
	asAt: date.describe('The date the figures of that edition were correct at'),
	title: z.string(),
	edition: z.string().optional(),
	statuses: labels,
	outcomes: labels,
	metrics: labels,
	themes: labels,
	figures: z.record(z.string(), z.strictObject({ label: z.string(), value: z.number() })),
	findings: z.array(snapshotFindingSchema),
});

export type Snapshot = z.infer<typeof snapshotSchema>;
export type SnapshotFinding = z.infer<typeof snapshotFindingSchema>;
