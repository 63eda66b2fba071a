import { z } from 'astro/zod';
import { findingFacts, type Finding } from '../../schemas/finding.ts';
import type { Report } from '../../schemas/report.ts';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, snapshotSchema, type Snapshot } from '../../schemas/edition.ts';

export interface SnapshotInput {
	report: Report;
	themes: readonly { id: string; data: { title: string } }[];
	findings: readonly { id: string; data: Finding }[];
}

const labelsOf = (map: Record<string, { label: string }>) =>
	Object.fromEntries(Object.entries(map).map(([key, { label }]) => [key, { label }]));

/** This edition as a snapshot: published findings only, in id order as the site lists them. */
export function makeSnapshot({ report, themes, findings }: SnapshotInput): Snapshot {
	return {
		format: SNAPSHOT_FORMAT,
		version: SNAPSHOT_VERSION,
		asAt: report.asAt,
		title: report.title,
		...(report.edition && { edition: report.edition }),
		statuses: labelsOf(report.statuses),
		outcomes: labelsOf(report.outcomes),
		metrics: labelsOf(report.metrics),
		themes: Object.fromEntries(themes.map((theme) => [theme.id, { label: theme.data.title }])),
		figures: Object.fromEntries(
			Object.entries(report.figures).map(([name, figure]) => [name, { label: figure.label, value: figure.value }]),
		),
		findings: findings
			.filter((finding) => !finding.data.draft)
			.map(({ id, data }) => ({
				...findingFacts(id, data),
				recommendations: data.recommendations.map(({ text, to, status, due }) => ({
					text,
					to,
					status,
					...(due && { due }),
				})),
			})),
	};
}

/** The JSON Schema of a snapshot, published under /data/ beside the other downloads. */
export function snapshotJsonSchema(): object {
	return {
		...z.toJSONSchema(snapshotSchema),
		title: 'An edition snapshot of a Findings Report (editions/<asAt>.json)',
	};
}
