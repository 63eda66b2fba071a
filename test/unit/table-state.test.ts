import { describe, expect, it } from 'vitest';
import {
	applyState,
	DEFAULT_STATE,
	packRow,
	pageOf,
	parseState,
	serializeState,
	unpackRow,
	type TableRow,
} from '../../src/lib/table/state.ts';

const metrics = ['allegations', 'officers'];
const rows: TableRow[] = [
	{
		id: 'INV-10',
		title: 'Archive search',
		status: 'open',
		outcome: '',
		opened: '2016-02-01',
		closed: '',
		themes: ['recording'],
		metrics: [3, null],
	},
	{
		id: 'INV-2',
		title: 'Referral from a school',
		status: 'completed',
		outcome: 'no-case',
		opened: '2014-11-20',
		closed: '2016-01-01',
		themes: ['sharing', 'culture'],
		metrics: [12, 4],
	},
	{
		id: 'INV-1',
		title: 'Missing records',
		status: 'completed',
		outcome: 'no-case',
		opened: '2015-03-01',
		closed: '2016-05-01',
		themes: ['recording'],
		metrics: [1, 1],
	},
];
const ids = (state: Partial<typeof DEFAULT_STATE>) =>
	applyState(rows, { ...DEFAULT_STATE, ...state }, metrics).map((row) => row.id);

describe('findings table state', () => {
	it('round-trips through the URL, leaving defaults out', () => {
		const state = {
			...DEFAULT_STATE,
			q: 'records',
			status: ['open', 'completed'],
			theme: ['recording'],
			ranges: { allegations: { min: 2 } },
			from: '2015-01-01',
			sort: 'allegations',
			dir: 'desc' as const,
			page: 2,
		};
		const search = serializeState(state);
		expect(search.toString()).toBe(
			'q=records&status=open&status=completed&theme=recording&allegations.min=2&from=2015-01-01&sort=allegations&dir=desc&page=2',
		);
		expect(parseState(search, metrics)).toEqual(state);
		expect(serializeState(DEFAULT_STATE).toString()).toBe('');
	});

	it('ignores what a hand-edited link gets wrong', () => {
		expect(
			parseState(new URLSearchParams('sort=colour&dir=up&page=-3&from=yesterday&officers.max=lots'), metrics),
		).toEqual(DEFAULT_STATE);
	});

	it('sorts ids naturally by default, and by any column either way', () => {
		expect(ids({})).toEqual(['INV-1', 'INV-2', 'INV-10']);
		expect(ids({ sort: 'opened', dir: 'desc' })).toEqual(['INV-10', 'INV-1', 'INV-2']);
		expect(ids({ sort: 'officers' })).toEqual(['INV-10', 'INV-1', 'INV-2']);
		expect(ids({ sort: 'title' })).toEqual(['INV-10', 'INV-1', 'INV-2']);
	});

	it('filters by status, outcome, theme, metric range, opening date and words', () => {
		expect(ids({ status: ['open'] })).toEqual(['INV-10']);
		expect(ids({ outcome: ['no-case'], theme: ['recording'] })).toEqual(['INV-1']);
		expect(ids({ theme: ['culture', 'recording'] })).toEqual(['INV-1', 'INV-2', 'INV-10']);
		expect(ids({ ranges: { allegations: { min: 2, max: 10 } } })).toEqual(['INV-10']);
		expect(ids({ ranges: { officers: { max: 0 } } })).toEqual(['INV-10']);
		expect(ids({ from: '2015-01-01', to: '2015-12-31' })).toEqual(['INV-1']);
		expect(ids({ q: 'REFERRAL school' })).toEqual(['INV-2']);
		expect(ids({ q: 'inv-10' })).toEqual(['INV-10']);
	});

	it('pages the rows, clamping a page past the end', () => {
		expect(pageOf([1, 2, 3, 4, 5], 2, 2)).toEqual({ rows: [3, 4], page: 2, pages: 3 });
		expect(pageOf([1, 2, 3], 9, 2)).toEqual({ rows: [3], page: 2, pages: 2 });
		expect(pageOf([], 1, 2)).toEqual({ rows: [], page: 1, pages: 1 });
	});

	it('packs rows into arrays and back', () => {
		expect(unpackRow(packRow(rows[1]!))).toEqual(rows[1]);
	});
});

describe('figure links', async () => {
	const { figureQuery } = await import('../../src/lib/figures/figure-links.ts');
	it('turns what a figure counts into the findings table’s filters', () => {
		expect(figureQuery('count')).toBe('');
		expect(figureQuery('count(status=completed)')).toBe('status=completed');
		expect(figureQuery('sum(unidentified, status=open)')).toBe('status=open&sort=unidentified&dir=desc');
		expect(figureQuery('count(theme=culture, year=2015)')).toBe('theme=culture&from=2015-01-01&to=2015-12-31');
	});

	it('links nothing the table cannot show', () => {
		expect(figureQuery(undefined)).toBeUndefined();
		expect(figureQuery('count(theme=a, theme=b)')).toBeUndefined();
	});
});
