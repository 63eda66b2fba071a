import { toCsv } from '../exports/csv.ts';
import { evaluate, type Condition, type Countable } from '../figures/expression.ts';
import type { MessageKey, Messages, Translate } from '../i18n/messages.ts';
import { translator } from '../i18n/translate.ts';
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

/** The labels a report gives its statuses, outcomes, metrics and themes, and the words of its language. */
export interface ChartContext {
	language: string;
	messages: Messages;
	statuses: Record<string, { label: string }>;
	outcomes: Record<string, { label: string }>;
	metrics: Record<string, { label: string }>;
	themes: { id: string; title: string }[];
}

export type ChartFinding = Countable & { closed?: string | undefined };

const CATEGORY_NAMES = {
	status: 'chart.status',
	outcome: 'chart.outcome',
	theme: 'chart.theme',
	year: 'chart.yearOpened',
} as const satisfies Record<ChartBy, MessageKey>;

const TITLES = {
	status: 'chart.byStatus',
	outcome: 'chart.byOutcome',
	theme: 'chart.byTheme',
	year: 'chart.byYear',
} as const satisfies Record<ChartBy, MessageKey>;

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

/** The rows with the largest value of a series, all of them when there is a tie; none when every value is 0. */
function largest(rows: readonly ChartRow[], series = 0): ChartRow[] {
	const top = Math.max(0, ...rows.map((row) => row.values[series]!));
	return top > 0 ? rows.filter((row) => row.values[series] === top) : [];
}

/** "Spend reviewed (USD)" → "spend reviewed (USD)": mid-sentence, without lowering acronyms. */
function midSentence(label: string): string {
	return /^\p{Lu}\p{Ll}/u.test(label) ? label[0]!.toLocaleLowerCase() + label.slice(1) : label;
}

/** "Leadership and Resourcing": the tied labels as the language joins them. */
const joined = (labels: string[], language: string) =>
	new Intl.ListFormat(language, { type: 'conjunction' }).format(labels);

/**
 * The chart's one sentence. It says a tie as a tie, and never calls a sum across themes a total: a finding with two
 * themes counts under both, so those bars add up to more than the report has.
 */
function summarise(
	spec: ChartSpec,
	rows: readonly ChartRow[],
	findings: readonly ChartFinding[],
	context: ChartContext,
	t: Translate,
): string {
	const top = largest(rows);
	if (!top.length) return t('chart.empty');
	const tie = top.length > 1;
	const values = {
		label: top[0]!.label,
		labels: joined(
			top.map((row) => row.label),
			context.language,
		),
		value: top[0]!.values[0]!,
		total: rows.reduce((sum, row) => sum + row.values[0]!, 0),
	};
	if (spec.metric) {
		const metric = midSentence(own(context.metrics, spec.metric)?.label ?? spec.metric);
		// Only where a finding with some of this metric has two themes do the bars add up to more than there is.
		const counted = (finding: ChartFinding) => (own(finding.metrics, spec.metric!) ?? 0) > 0;
		const overlap = spec.by === 'theme' && findings.some((finding) => finding.themes.length > 1 && counted(finding));
		if (overlap) return t(tie ? 'chart.mostMetricThemeTie' : 'chart.mostMetricTheme', { ...values, metric });
		return t(tie ? 'chart.mostMetricTie' : 'chart.mostMetric', { ...values, metric });
	}
	if (spec.by === 'theme') return t(tie ? 'chart.commonestThemes' : 'chart.commonestTheme', values);
	if (spec.by === 'year') return t(tie ? 'chart.busiestYears' : 'chart.busiestYear', values);
	return t(tie ? 'chart.largestGroups' : 'chart.largestGroup', values);
}

/** "Findings", or "Findings on Leadership" for a theme's own charts. */
function findingsMeasure(t: Translate, theme?: string): string {
	return theme ? t('chart.findingsOn', { theme }) : t('chart.findings');
}

/**
 * A chart of findings by one field: each bar is a count or sum through the shared expression evaluator. `theme`
 * names the theme whose findings these are, on its page.
 */
export function chartData(
	name: string,
	spec: ChartSpec,
	findings: readonly ChartFinding[],
	context: ChartContext,
	theme?: string,
): ChartData {
	const t = translator(context.language, context.messages);
	const filter = spec.filter ?? [];
	const rows = categories(spec.by, findings, context).map(({ key, label }) => {
		const where = [...filter, { field: spec.by, value: key }];
		const value = spec.metric
			? evaluate({ op: 'sum', metric: spec.metric, filter: where }, findings)
			: evaluate({ op: 'count', filter: where }, findings);
		return { key, label, values: [value] };
	});
	const measure = spec.metric ? (own(context.metrics, spec.metric)?.label ?? spec.metric) : findingsMeasure(t, theme);
	return {
		name,
		title: t(TITLES[spec.by], { measure }),
		summary: summarise(spec, rows, findings, context, t),
		category: t(CATEGORY_NAMES[spec.by]),
		series: [measure],
		rows,
		horizontal: spec.by === 'theme',
	};
}

/** Findings opened and closed in each year: the pace of the work. */
export function openedClosedChart(
	name: string,
	findings: readonly ChartFinding[],
	context: ChartContext,
	theme?: string,
): ChartData {
	const t = translator(context.language, context.messages);
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
	const years = (top: ChartRow[]) =>
		joined(
			top.map((row) => row.label),
			context.language,
		);
	const summary = !opened.length
		? t('chart.empty')
		: closed.length
			? t('chart.openedClosedSummary', {
					opened: years(opened),
					openedCount: opened[0]!.values[0]!,
					closed: years(closed),
					closedCount: closed[0]!.values[1]!,
				})
			: t('chart.openedNoneClosed', { opened: years(opened), openedCount: opened[0]!.values[0]! });
	return {
		name,
		title: t('chart.openedClosed', { measure: findingsMeasure(t, theme) }),
		summary,
		category: t('chart.year'),
		series: [t('chart.opened'), t('chart.closed')],
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
