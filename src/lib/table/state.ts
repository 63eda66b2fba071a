/** The findings table's rows, filters, sort and page: shared by the build (no-JavaScript pages) and the browser. */
import type { Translate } from '../i18n/messages.ts';

export interface TableRow {
	id: string;
	title: string;
	status: string;
	outcome: string;
	opened: string;
	closed: string;
	themes: string[];
	/** In the order of the report's metrics; null where a finding does not record one. */
	metrics: (number | null)[];
}

/** Rows travel as arrays: at 10,000 findings, field names would double the download. */
export type PackedRow = [string, string, string, string, string, string, string[], (number | null)[]];

export function packRow(row: TableRow): PackedRow {
	return [row.id, row.title, row.status, row.outcome, row.opened, row.closed, row.themes, row.metrics];
}

export function unpackRow([id, title, status, outcome, opened, closed, themes, metrics]: PackedRow): TableRow {
	return { id, title, status, outcome, opened, closed, themes, metrics };
}

export const FIXED_COLUMNS = ['id', 'title', 'status', 'outcome', 'opened', 'closed'] as const;

export interface Range {
	min?: number;
	max?: number;
}

export interface TableState {
	q: string;
	status: string[];
	outcome: string[];
	theme: string[];
	/** Per metric key. */
	ranges: Record<string, Range>;
	/** Opened between these dates, inclusive. */
	from: string;
	to: string;
	sort: string;
	dir: 'asc' | 'desc';
	page: number;
}

export const DEFAULT_STATE: TableState = {
	q: '',
	status: [],
	outcome: [],
	theme: [],
	ranges: {},
	from: '',
	to: '',
	sort: 'id',
	dir: 'asc',
	page: 1,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function number(text: string | null): number | undefined {
	if (text === null || text.trim() === '') return undefined;
	const value = Number(text);
	return Number.isFinite(value) ? value : undefined;
}

/** Reads the state from a query string, ignoring what it cannot use: a shared link never breaks the page. */
export function parseState(search: URLSearchParams, metrics: readonly string[]): TableState {
	const ranges: Record<string, Range> = {};
	for (const metric of metrics) {
		const min = number(search.get(`${metric}.min`));
		const max = number(search.get(`${metric}.max`));
		if (min !== undefined || max !== undefined)
			ranges[metric] = { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
	}
	const sort = search.get('sort') ?? '';
	const date = (name: string) => (DATE.test(search.get(name) ?? '') ? search.get(name)! : '');
	return {
		q: search.get('q')?.trim() ?? '',
		status: search.getAll('status'),
		outcome: search.getAll('outcome'),
		theme: search.getAll('theme'),
		ranges,
		from: date('from'),
		to: date('to'),
		sort: (FIXED_COLUMNS as readonly string[]).includes(sort) || metrics.includes(sort) ? sort : DEFAULT_STATE.sort,
		dir: search.get('dir') === 'desc' ? 'desc' : 'asc',
		page: Math.max(1, Math.floor(number(search.get('page')) ?? 1)),
	};
}

/** The query string of a state, leaving out defaults so that links stay short. */
export function serializeState(state: TableState): URLSearchParams {
	const search = new URLSearchParams();
	if (state.q) search.set('q', state.q);
	for (const key of ['status', 'outcome', 'theme'] as const) for (const value of state[key]) search.append(key, value);
	for (const [metric, { min, max }] of Object.entries(state.ranges)) {
		if (min !== undefined) search.set(`${metric}.min`, String(min));
		if (max !== undefined) search.set(`${metric}.max`, String(max));
	}
	if (state.from) search.set('from', state.from);
	if (state.to) search.set('to', state.to);
	if (state.sort !== DEFAULT_STATE.sort) search.set('sort', state.sort);
	if (state.dir !== DEFAULT_STATE.dir) search.set('dir', state.dir);
	if (state.page > 1) search.set('page', String(state.page));
	return search;
}

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/**
 * The rows that pass every filter, sorted. Within one filter, any ticked value passes (status open OR
 * completed); across filters, all must hold. A finding passes a theme filter if it has any ticked theme.
 */
export function applyState(rows: readonly TableRow[], state: TableState, metrics: readonly string[]): TableRow[] {
	const words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
	const ranges = Object.entries(state.ranges).map(([metric, range]) => ({ index: metrics.indexOf(metric), ...range }));
	const selected = rows.filter((row) => {
		if (state.status.length && !state.status.includes(row.status)) return false;
		if (state.outcome.length && !state.outcome.includes(row.outcome)) return false;
		if (state.theme.length && !row.themes.some((theme) => state.theme.includes(theme))) return false;
		if (state.from && row.opened < state.from) return false;
		if (state.to && row.opened > state.to) return false;
		for (const { index, min, max } of ranges) {
			const value = row.metrics[index] ?? 0;
			if ((min !== undefined && value < min) || (max !== undefined && value > max)) return false;
		}
		if (words.length) {
			const text = `${row.id} ${row.title}`.toLowerCase();
			if (!words.every((word) => text.includes(word))) return false;
		}
		return true;
	});
	const metricIndex = metrics.indexOf(state.sort);
	const key = (row: TableRow): string | number =>
		metricIndex >= 0 ? (row.metrics[metricIndex] ?? -1) : (row[state.sort as (typeof FIXED_COLUMNS)[number]] ?? '');
	const direction = state.dir === 'desc' ? -1 : 1;
	return selected.sort((a, b) => {
		const [x, y] = [key(a), key(b)];
		const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
		// Ties keep id order, so that a sorted table reads the same on every load.
		return direction * order || collator.compare(a.id, b.id);
	});
}

/** The rows of one page, with the page number clamped to those that exist. */
export function pageOf<T>(rows: readonly T[], page: number, size: number): { rows: T[]; page: number; pages: number } {
	const pages = Math.max(1, Math.ceil(rows.length / size));
	const current = Math.min(Math.max(1, page), pages);
	return { rows: rows.slice((current - 1) * size, current * size), page: current, pages };
}

/**
 * The table's caption, which a screen reader also hears after each change. The built page and the browser write
 * the same words, so that the caption keeps its length, and the table its place, as the script takes over.
 */
export function rowsSummary(
	shown: { first: number; count: number },
	matching: number,
	total: number,
	t: Translate,
): string {
	if (!matching) return t('table.none', { total });
	const range = { first: shown.first, last: shown.first + shown.count - 1, total };
	return matching === total ? t('table.all', range) : t('table.matching', { ...range, matching });
}
