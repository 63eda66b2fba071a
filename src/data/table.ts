import { own } from '../lib/own.ts';
import type { RowContext } from '../lib/table/render.ts';
import type { TableRow } from '../lib/table/state.ts';
import { getFindings, getReport, url, type FindingEntry } from './report.ts';

/** Rows per page, both of the no-JavaScript pages and of the table in the browser. */
export const PAGE_SIZE = 250;

export function toRow({ id, data }: FindingEntry, metrics: readonly string[]): TableRow {
	return {
		id,
		title: data.title,
		status: data.status,
		outcome: data.outcome ?? '',
		opened: data.opened,
		closed: data.closed ?? '',
		themes: data.themes,
		metrics: metrics.map((metric) => own(data.metrics, metric) ?? null),
	};
}

export async function tableRows(findings?: FindingEntry[]): Promise<TableRow[]> {
	const metrics = Object.keys((await getReport()).metrics);
	return (findings ?? (await getFindings())).map((finding) => toRow(finding, metrics));
}

export async function rowContext(): Promise<RowContext> {
	const report = await getReport();
	const labels = (map: Record<string, { label: string }>) =>
		Object.fromEntries(Object.entries(map).map(([key, { label }]) => [key, label]));
	return {
		statuses: labels(report.statuses),
		outcomes: labels(report.outcomes),
		language: report.language,
		// The page's language's root: a row links to the finding in the table's language.
		base: url(),
	};
}
