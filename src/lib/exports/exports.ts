import { z } from 'astro/zod';
import { findingFacts, type Finding } from '../../schemas/finding.ts';
import { findingsExportSchema, type FindingsExport } from '../../schemas/export.ts';
import type { Report } from '../../schemas/report.ts';
import { toCsv } from './csv.ts';
import { daysBetween } from '../format.ts';
import { own } from '../own.ts';
import { recommendationRows } from '../recommendations.ts';

export interface ExportInput {
	report: Report;
	themes: { id: string; title: string; summary: string }[];
	findings: { id: string; data: Finding }[];
	/** The URL of a finding's page, absolute when the report has a site. */
	findingUrl(id: string): string;
}

export function findingsJson({ report, themes, findings, findingUrl }: ExportInput): FindingsExport {
	return {
		report: {
			title: report.title,
			publisher: report.publisher,
			asAt: report.asAt,
			...(report.edition && { edition: report.edition }),
			language: report.language,
			...(report.site && { site: report.site }),
			metrics: report.metrics,
			statuses: report.statuses,
			outcomes: report.outcomes,
			themes: Object.fromEntries(themes.map(({ id, title, summary }) => [id, { label: title, description: summary }])),
		},
		findings: findings.map(({ id, data }) => ({
			...findingFacts(id, data),
			url: findingUrl(id),
			summary: data.summary,
			recommendations: recommendationRows(
				[{ id, title: data.title, recommendations: data.recommendations }],
				report.asAt,
			).map(({ text, to, status, due, overdue }) => ({ text, to, status, ...(due && { due }), overdue })),
			related: data.related,
			tags: data.tags,
		})),
	};
}

export function findingsJsonSchema(): object {
	return { ...z.toJSONSchema(findingsExportSchema), title: 'findings.json of a Findings Report' };
}

const list = (items: readonly string[]) => items.join('; ');

/** One row per finding; metrics as columns in the report's order; days open up to closing or the as-at date. */
export function findingsCsv({ report, findings, findingUrl }: ExportInput): string {
	const metrics = Object.keys(report.metrics);
	return toCsv(
		[
			'id',
			'title',
			'summary',
			'status',
			'outcome',
			'opened',
			'closed',
			'days_open',
			'themes',
			...metrics,
			'recommendations',
			'related',
			'tags',
			'url',
		],
		findings.map(({ id, data }) => [
			id,
			data.title,
			data.summary,
			data.status,
			data.outcome,
			data.opened,
			data.closed,
			daysBetween(data.opened, data.closed ?? report.asAt),
			list(data.themes),
			...metrics.map((metric) => own(data.metrics, metric)),
			data.recommendations.length,
			list(data.related),
			list(data.tags),
			findingUrl(id),
		]),
	);
}

export function recommendationsCsv({ report, findings, findingUrl }: ExportInput): string {
	const rows = recommendationRows(
		findings.map(({ id, data }) => ({ id, title: data.title, recommendations: data.recommendations })),
		report.asAt,
	);
	return toCsv(
		['finding_id', 'number', 'text', 'to', 'status', 'due', 'overdue', 'finding_title', 'finding_url'],
		rows.map((row) => [
			row.findingId,
			row.number,
			row.text,
			row.to,
			row.status,
			row.due,
			row.overdue,
			row.findingTitle,
			findingUrl(row.findingId),
		]),
	);
}
