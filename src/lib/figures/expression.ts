/**
 * The figure expression language, shared by figure reconciliation, the Markdown directives and the charts:
 * `count`, `count(<filter>)`, `sum(<metric>)`, `sum(<metric>, <filter>)`, where a filter is
 * `field=value` pairs joined by `,` and every pair must hold. `year` is the year a finding was opened.
 */
import { outsideList } from '../edit-distance.ts';
import { own } from '../own.ts';

export const FILTER_FIELDS = ['status', 'outcome', 'theme', 'year'] as const;
export type FilterField = (typeof FILTER_FIELDS)[number];

export interface Condition {
	field: FilterField;
	value: string;
}

export type Expression = { op: 'count'; filter: Condition[] } | { op: 'sum'; metric: string; filter: Condition[] };

export type ParseResult = { ok: true; expression: Expression } | { ok: false; error: string };

const EXAMPLES = 'e.g. count, count(status=completed), sum(allegations) or sum(allegations, theme=leadership)';

function isFilterField(field: string): field is FilterField {
	return (FILTER_FIELDS as readonly string[]).includes(field);
}

/** Parses `field=value` pairs, the filter both of expressions and of directives such as `:count{status=open}`. */
export function parseFilter(parts: string[]): { ok: true; filter: Condition[] } | { ok: false; error: string } {
	const filter: Condition[] = [];
	for (const part of parts) {
		const match = /^\s*([^=\s]+)\s*=\s*([^=\s]+)\s*$/.exec(part);
		if (!match)
			return { ok: false, error: `"${part.trim()}" is not a filter; write field=value, e.g. status=completed` };
		const [, field, value] = match as unknown as [string, string, string];
		if (!isFilterField(field))
			return { ok: false, error: `"${field}" cannot be filtered on; use one of: ${FILTER_FIELDS.join(', ')}` };
		filter.push({ field, value });
	}
	return { ok: true, filter };
}

export function parseExpression(text: string): ParseResult {
	const match = /^\s*(count|sum)\s*(?:\((.*)\))?\s*$/.exec(text);
	if (!match) return { ok: false, error: `"${text}" is not an expression; write ${EXAMPLES}` };
	const [, op, inner] = match as unknown as [string, 'count' | 'sum', string | undefined];
	const parts = inner === undefined || inner.trim() === '' ? [] : inner.split(',');
	if (op === 'count') {
		const parsed = parseFilter(parts);
		return parsed.ok ? { ok: true, expression: { op, filter: parsed.filter } } : parsed;
	}
	const [metric, ...rest] = parts.map((part) => part.trim());
	if (!metric || metric.includes('='))
		return { ok: false, error: `sum needs a metric first, e.g. sum(allegations) or sum(allegations, status=open)` };
	const parsed = parseFilter(rest);
	return parsed.ok ? { ok: true, expression: { op, metric, filter: parsed.filter } } : parsed;
}

/** What an expression may name: the keys declared in report.yaml and the theme ids. */
export interface Vocabulary {
	metrics: readonly string[];
	statuses: readonly string[];
	outcomes: readonly string[];
	themes: readonly string[];
}

const FIELD_VOCABULARY: Record<
	Exclude<FilterField, 'year'>,
	{ key: 'statuses' | 'outcomes' | 'themes'; noun: string }
> = {
	status: { key: 'statuses', noun: 'a status' },
	outcome: { key: 'outcomes', noun: 'an outcome' },
	theme: { key: 'themes', noun: 'a theme' },
};

/** Every name in the expression that the report does not declare, as messages an author can act on. */
export function checkExpression(expression: Expression, vocabulary: Vocabulary): string[] {
	const errors: string[] = [];
	if (expression.op === 'sum' && !vocabulary.metrics.includes(expression.metric))
		errors.push(outsideList(expression.metric, 'a metric of this report', vocabulary.metrics));
	for (const { field, value } of expression.filter) {
		if (field === 'year') {
			if (!/^\d{4}$/.test(value)) errors.push(`"${value}" is not a year; write four digits, e.g. year=2015`);
			continue;
		}
		const { key, noun } = FIELD_VOCABULARY[field];
		const known = vocabulary[key];
		if (!known.includes(value)) errors.push(outsideList(value, `${noun} of this report`, known));
	}
	return errors;
}

/** The fields of a finding that expressions read. */
export interface Countable {
	status: string;
	opened: string;
	outcome?: string | undefined;
	themes: readonly string[];
	metrics: Readonly<Record<string, number>>;
}

export function matches(finding: Countable, filter: readonly Condition[]): boolean {
	return filter.every(({ field, value }) => {
		if (field === 'theme') return finding.themes.includes(value);
		if (field === 'year') return finding.opened.startsWith(`${value}-`);
		return finding[field] === value;
	});
}

/** A metric a finding does not record counts as 0 (a metric named `constructor` too). */
export function evaluate(expression: Expression, findings: readonly Countable[]): number {
	const selected = findings.filter((finding) => matches(finding, expression.filter));
	if (expression.op === 'count') return selected.length;
	return selected.reduce((total, finding) => total + (own(finding.metrics, expression.metric) ?? 0), 0);
}
