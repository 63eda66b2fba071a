import { toCsv } from '../exports/csv.ts';
import { evaluate, type Condition, type Countable } from '../figures/expression.ts';
import { formatNumber } from '../format.ts';
import { own } from '../own.ts';

export const CHART_BY = ['status', 'outcome', 'theme', 'year'] as const;
export type ChartBy = (typeof CHART_BY)[number];

/** What a chart shows: findings grouped `by` a field, counted or with a metric summed, optionally filtered first. */
export interface ChartSpec {
	by: ChartBy;
	metric?: string;
	filter?: Condition[];
}

export interface ChartRow {
	key: string;
	label: string;
	values: number[];
}

/** Everything a chart, its table and its CSV need: computed at build time, rendered as is. */
export interface ChartData {
	name: string;
	title: string;
	summary: string;
	category: string;
	series: string[];
	rows: ChartRow[];
	horizontal: boolean;
}

/** The labels a report gives its statuses, outcomes, metrics and themes. */
export interface ChartContext {
	language: string;
	statuses: Record<string, { label: string }>;
	outcomes: Record<string, { label: string }>;
	metrics: Record<string, { label: string }>;
	themes: { id: string; title: string }[];
}

export type ChartFinding = Countable & { closed?: string | undefined };

const CATEGORY_NAMES: Record<ChartBy, string> = {
	status: 'Status',
	outcome: 'Outcome',
	theme: 'Theme',
	year: 'Year opened',
};

/** Every year from the first finding opened to the last one opened or closed, gaps included. */
export function yearsOf(findings: readonly ChartFinding[]): string[] {
	const years = findings.flatMap((finding) =>
		[finding.opened, finding.closed].filter(Boolean).map((date) => Number(date!.slice(0, 4))),
	);
	if (!years.length) return [];
	const first = Math.min(...years);
	return Array.from({ length: Math.max(...years) - first + 1 }, (_, index) => String(first + index));
}

function categories(
	by: ChartBy,
	findings: readonly ChartFinding[],
	context: ChartContext,
): { key: string; label: string }[] {
	const labelled = (map: Record<string, { label: string }>) =>
		Object.entries(map).map(([key, { label }]) => ({ key, label }));
	if (by === 'status') return labelled(context.statuses);
	if (by === 'outcome') return labelled(context.outcomes);
	if (by === 'theme') return context.themes.map(({ id, title }) => ({ key: id, label: title }));
	return yearsOf(findings).map((year) => ({ key: year, label: year }));
}

function largest(rows: readonly ChartRow[], series = 0): ChartRow | undefined {
	return rows.reduce<ChartRow | undefined>(
		(top, row) => (top === undefined || row.values[series]! > top.values[series]! ? row : top),
		undefined,
	);
}

/** "Spend reviewed (USD)" → "spend reviewed (USD)": mid-sentence, without lowering acronyms. */
function midSentence(label: string): string {
	return /^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label;
}

function summarise(spec: ChartSpec, rows: readonly ChartRow[], context: ChartContext): string {
	const top = largest(rows);
	if (!top || top.values[0] === 0) return 'There are no findings to show yet.';
	const n = (value: number) => formatNumber(value, context.language);
	const total = rows.reduce((sum, row) => sum + row.values[0]!, 0);
	if (spec.metric) {
		const metric = midSentence(own(context.metrics, spec.metric)?.label ?? spec.metric);
		return `${top.label} accounts for the most ${metric}: ${n(top.values[0]!)} of ${n(total)}.`;
	}
	if (spec.by === 'theme')
		return `${top.label} is the most common theme, in ${n(top.values[0]!)} findings; a finding can have more than one theme.`;
	if (spec.by === 'year')
		return `More findings were opened in ${top.label} than in any other year: ${n(top.values[0]!)} of ${n(total)}.`;
	return `${top.label} is the largest group: ${n(top.values[0]!)} of ${n(total)} findings.`;
}

/** A chart of findings by one field: each bar is a count or sum through the shared expression evaluator. */
export function chartData(
	name: string,
	spec: ChartSpec,
	findings: readonly ChartFinding[],
	context: ChartContext,
): ChartData {
	const filter = spec.filter ?? [];
	const rows = categories(spec.by, findings, context).map(({ key, label }) => {
		const where = [...filter, { field: spec.by, value: key }];
		const value = spec.metric
			? evaluate({ op: 'sum', metric: spec.metric, filter: where }, findings)
			: evaluate({ op: 'count', filter: where }, findings);
		return { key, label, values: [value] };
	});
	const measure = spec.metric ? (own(context.metrics, spec.metric)?.label ?? spec.metric) : 'Findings';
	return {
		name,
		title: `${measure} by ${CATEGORY_NAMES[spec.by].toLowerCase()}`,
		summary: summarise(spec, rows, context),
		category: CATEGORY_NAMES[spec.by],
		series: [measure],
		rows,
		horizontal: spec.by === 'theme',
	};
}

/** Findings opened and closed in each year: the pace of the work. */
export function openedClosedChart(name: string, findings: readonly ChartFinding[], context: ChartContext): ChartData {
	const rows = yearsOf(findings).map((year) => ({
		key: year,
		label: year,
		values: [
			evaluate({ op: 'count', filter: [{ field: 'year', value: year }] }, findings),
			findings.filter((finding) => finding.closed?.startsWith(`${year}-`)).length,
		],
	}));
	const opened = largest(rows, 0);
	const closed = largest(rows, 1);
	const n = (value: number) => formatNumber(value, context.language);
	const summary = !opened
		? 'There are no findings to show yet.'
		: `Most findings were opened in ${opened.label} (${n(opened.values[0]!)})${closed && closed.values[1]! > 0 ? ` and most were closed in ${closed.label} (${n(closed.values[1]!)})` : '; none has closed yet'}.`;
	return {
		name,
		title: 'Findings opened and closed per year',
		summary,
		category: 'Year',
		series: ['Opened', 'Closed'],
		rows,
		horizontal: false,
	};
}

/** The data of a chart as CSV: one row per category, one column per series. */
export function chartCsv(chart: ChartData): string {
	return toCsv(
		[chart.category, ...chart.series],
		chart.rows.map((row) => [row.label, ...row.values]),
	);
}
