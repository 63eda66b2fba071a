import { own } from '../own.ts';
import {
	CHART_BY,
	chartData,
	type ChartBy,
	type ChartContext,
	type ChartData,
	type ChartFinding,
} from '../charts/charts.ts';
import {
	checkExpression,
	evaluate,
	FILTER_FIELDS,
	parseFilter,
	type Condition,
	type Expression,
	type Vocabulary,
} from '../figures/expression.ts';
import { editDistance, outsideList } from '../edit-distance.ts';
import { formatNumber } from '../format.ts';

export const TEXT_DIRECTIVES = ['figure', 'count', 'sum'] as const;
export const BLOCK_DIRECTIVES = ['chart'] as const;
const KNOWN = [...TEXT_DIRECTIVES, ...BLOCK_DIRECTIVES] as readonly string[];

export interface Directive {
	type: 'textDirective' | 'leafDirective' | 'containerDirective';
	name: string;
	/** The text in [brackets]. */
	label: string;
	attributes: Record<string, string | null | undefined>;
}

/** What the directives of a body can name and count: the report's declarations and its published findings. */
export interface DirectiveContext {
	figures: Record<string, { value: number }>;
	findings: readonly ChartFinding[];
	vocabulary: Vocabulary;
	charts: ChartContext;
}

export type DirectiveResult =
	| { kind: 'text'; text: string }
	| { kind: 'chart'; chart: ChartData }
	| { kind: 'error'; message: string }
	/** Not ours ("10:30" parses as a directive named 30): the source stays as written. */
	| { kind: 'literal' };

const error = (message: string): DirectiveResult => ({ kind: 'error', message });

function filterOf(
	attributes: Directive['attributes'],
	allowed: readonly string[],
): { filter: Condition[] } | { error: string } {
	const parts: string[] = [];
	for (const [key, value] of Object.entries(attributes)) {
		if (allowed.includes(key)) continue;
		if (!(FILTER_FIELDS as readonly string[]).includes(key))
			return { error: `"${key}" cannot be filtered on; use ${[...allowed, ...FILTER_FIELDS].join(', ')}` };
		if (!value) return { error: `${key} needs a value, e.g. ${key}=${key === 'year' ? '2015' : '…'}` };
		parts.push(`${key}=${value}`);
	}
	const parsed = parseFilter(parts);
	return parsed.ok ? { filter: parsed.filter } : { error: parsed.error };
}

function compute(expression: Expression, context: DirectiveContext): DirectiveResult {
	const unknown = checkExpression(expression, context.vocabulary);
	if (unknown.length) return error(unknown.join('; '));
	return { kind: 'text', text: formatNumber(evaluate(expression, context.findings), context.charts.language) };
}

/** Unknown names that look like a typo of ours are errors; the rest is prose that happens to contain a colon. */
function unknown(directive: Directive): DirectiveResult {
	const prefix = directive.type === 'textDirective' ? ':' : '::';
	if (directive.type !== 'textDirective')
		return error(
			`${prefix}${directive.name} is not a directive; use ::chart{by=…}, or write \\: to keep the colons as text`,
		);
	const close = KNOWN.find(
		(name) => editDistance(name, directive.name.toLowerCase()) <= 2 && directive.name.length > 2,
	);
	return close
		? error(`:${directive.name} is not a directive; did you mean :${close}? (write \\: to keep the colon as text)`)
		: { kind: 'literal' };
}

/** The value or chart a directive stands for, or what is wrong with it. `chartName` names a chart it draws. */
export function evaluateDirective(directive: Directive, context: DirectiveContext, chartName: string): DirectiveResult {
	const { name, type, attributes } = directive;
	if (!KNOWN.includes(name)) return unknown(directive);
	if ((TEXT_DIRECTIVES as readonly string[]).includes(name) && type !== 'textDirective')
		return error(
			`:${name} goes inside a sentence, with one colon, e.g. ${name === 'figure' ? ':figure[allegations]' : `:${name}{status=completed}`}`,
		);
	if (name === 'chart' && type !== 'leafDirective')
		return error('::chart goes on a line of its own, with two colons, e.g. ::chart{by=theme}');

	if (name === 'figure') {
		const figure = directive.label.trim();
		const declared = Object.keys(context.figures);
		if (!figure)
			return error(`:figure needs the name of a figure in brackets, e.g. :figure[${declared[0] ?? 'allegations'}]`);
		const value = own(context.figures, figure)?.value;
		if (value === undefined) return error(outsideList(figure, 'a figure of this report', declared));
		return { kind: 'text', text: formatNumber(value, context.charts.language) };
	}
	if (name === 'count') {
		const parsed = filterOf(attributes, []);
		return 'error' in parsed ? error(parsed.error) : compute({ op: 'count', filter: parsed.filter }, context);
	}
	if (name === 'sum') {
		const metric = attributes.metric;
		if (!metric)
			return error(`:sum needs a metric, e.g. :sum{metric=${context.vocabulary.metrics[0] ?? 'allegations'}}`);
		const parsed = filterOf(attributes, ['metric']);
		return 'error' in parsed ? error(parsed.error) : compute({ op: 'sum', metric, filter: parsed.filter }, context);
	}
	const by = attributes.by;
	if (!by || !(CHART_BY as readonly string[]).includes(by))
		return error(`::chart needs by= one of ${CHART_BY.join(', ')}, e.g. ::chart{by=theme}`);
	const parsed = filterOf(attributes, ['by', 'metric']);
	if ('error' in parsed) return error(parsed.error);
	const metric = attributes.metric ?? undefined;
	const unknownNames = checkExpression(
		metric ? { op: 'sum', metric, filter: parsed.filter } : { op: 'count', filter: parsed.filter },
		context.vocabulary,
	);
	if (unknownNames.length) return error(unknownNames.join('; '));
	return {
		kind: 'chart',
		chart: chartData(
			chartName,
			{ by: by as ChartBy, ...(metric && { metric }), filter: parsed.filter },
			context.findings,
			context.charts,
		),
	};
}
