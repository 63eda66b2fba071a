import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../src/lib/i18n/catalogues.ts';
import {
	chartData,
	openedClosedChart,
	yearsOf,
	type ChartContext,
	type ChartFinding,
} from '../../src/lib/charts/charts.ts';
import { toCsv } from '../../src/lib/exports/csv.ts';

const context: ChartContext = {
	language: 'en-GB',
	messages: ENGLISH,
	statuses: { open: { label: 'Open' }, completed: { label: 'Completed' } },
	outcomes: { upheld: { label: 'Upheld' }, 'not-upheld': { label: 'Not upheld' } },
	metrics: { allegations: { label: 'Allegations' }, cost: { label: 'Cost (GBP)' } },
	themes: [
		{ id: 'culture', title: 'Culture' },
		{ id: 'leadership', title: 'Leadership' },
	],
};
const findings: ChartFinding[] = [
	{
		status: 'completed',
		outcome: 'upheld',
		opened: '2014-11-20',
		closed: '2016-02-01',
		themes: ['culture', 'leadership'],
		metrics: { allegations: 1200 },
	},
	{ status: 'open', opened: '2016-01-02', themes: ['culture'], metrics: { allegations: 3 } },
	{ status: 'open', opened: '2016-05-02', themes: [], metrics: {} },
];

describe('charts', () => {
	it('counts findings per status, in the order the report declares them', () => {
		const chart = chartData('by-status', { by: 'status' }, findings, context);
		expect(chart.rows).toEqual([
			{ key: 'open', label: 'Open', values: [2] },
			{ key: 'completed', label: 'Completed', values: [1] },
		]);
		expect(chart.title).toBe('Findings by status');
		expect(chart.summary).toBe('Open is the largest group: 2 of 3 findings.');
	});

	it('sums a metric per theme, counting a finding under each of its themes, and says so in numbers of the report’s language', () => {
		const chart = chartData('allegations-by-theme', { by: 'theme', metric: 'allegations' }, findings, context);
		expect(chart.rows.map((row) => row.values[0])).toEqual([1203, 1200]);
		// 1,203 + 1,200 is not a total: the 1,200 of the finding on both themes are in both bars.
		expect(chart.summary).toBe(
			"The findings on Culture account for the most allegations: 1,203. A finding with more than one theme counts under each, so the bars add up to more than the report's total.",
		);
		expect(chart.summary).not.toContain('2,403');
		expect(chart.horizontal).toBe(true);
	});

	it('gives the share of the total when no finding counts under two themes', () => {
		const single = findings.map((finding) => ({ ...finding, themes: finding.themes.slice(0, 1) }));
		const chart = chartData('allegations-by-theme', { by: 'theme', metric: 'allegations' }, single, context);
		expect(chart.summary).toBe('Culture accounts for the most allegations: 1,203 of 1,203.');
	});

	it('says a tie as a tie', () => {
		const three = [
			{ status: 'open', opened: '2014-01-01', themes: [], metrics: {} },
			{ status: 'completed', outcome: 'upheld', opened: '2015-01-01', closed: '2015-02-01', themes: [], metrics: {} },
			{
				status: 'completed',
				outcome: 'not-upheld',
				opened: '2016-01-01',
				closed: '2016-02-01',
				themes: [],
				metrics: {},
			},
		];
		const statuses = { ...context, statuses: { ...context.statuses, closed: { label: 'Closed' } } };
		expect(chartData('by-outcome', { by: 'outcome' }, three, context).summary).toBe(
			'Upheld and Not upheld are the largest groups, with 1 finding each, of 2.',
		);
		expect(chartData('by-status', { by: 'status' }, three, statuses).summary).toBe(
			'Completed is the largest group: 2 of 3 findings.',
		);
		expect(chartData('by-year', { by: 'year' }, three, context).summary).toBe(
			'The most findings were opened in 2014, 2015 and 2016: 1 in each.',
		);
	});

	it('keeps acronyms in a metric’s name as written', () => {
		expect(
			chartData(
				'cost-by-status',
				{ by: 'status', metric: 'cost' },
				[{ ...findings[0]!, metrics: { cost: 5 } }],
				context,
			).summary,
		).toBe('Completed accounts for the most cost (GBP): 5 of 5.');
	});

	it('applies a filter before grouping', () => {
		const chart = chartData(
			'open-by-theme',
			{ by: 'theme', filter: [{ field: 'status', value: 'open' }] },
			findings,
			context,
		);
		expect(chart.rows.map((row) => row.values[0])).toEqual([1, 0]);
	});

	it('lists every year from the first opened to the last closed, gaps included', () => {
		expect(yearsOf(findings)).toEqual(['2014', '2015', '2016']);
		const chart = openedClosedChart('by-year', findings, context);
		expect(chart.rows.map((row) => row.values)).toEqual([
			[1, 0],
			[0, 0],
			[2, 1],
		]);
		expect(chart.summary).toBe('Most findings were opened in 2016 (2) and most were closed in 2016 (1).');
	});

	it('says when there is nothing to show', () => {
		expect(chartData('x', { by: 'outcome' }, [], context).summary).toBe('There are no findings to show yet.');
		expect(openedClosedChart('x', [], context).rows).toEqual([]);
	});
});

describe('charts of names that Object.prototype also has', () => {
	it('labels and sums a metric named constructor, which most findings do not record', () => {
		const withConstructor: ChartContext = {
			...context,
			metrics: { constructor: { label: 'Constructors' } },
			statuses: { open: { label: 'toString' }, completed: { label: '__proto__' } },
		};
		const chart = chartData(
			'constructor-by-status',
			{ by: 'status', metric: 'constructor' },
			[...findings, { ...findings[1]!, metrics: { constructor: 4 } }],
			withConstructor,
		);
		expect(chart.rows).toEqual([
			{ key: 'open', label: 'toString', values: [4] },
			{ key: 'completed', label: '__proto__', values: [0] },
		]);
		expect(chart.title).toBe('Constructors by status');
		expect(chart.summary).toBe('toString accounts for the most constructors: 4 of 4.');
		// A metric the report does not declare is named as written, never by a member of Object.prototype.
		expect(chartData('x', { by: 'status', metric: 'toString' }, findings, context).series).toEqual(['toString']);
	});
});

describe('csv', () => {
	it('quotes what needs quoting, keeps formulas as text, and ends lines with CRLF', () => {
		expect(
			toCsv(
				['id', 'title', 'n'],
				[
					['A-1', 'Say "no", then stop', 3],
					['A-2', '=HYPERLINK("x")', -2],
					['A-3', null, 0],
				],
			),
		).toBe('\uFEFFid,title,n\r\nA-1,"Say ""no"", then stop",3\r\nA-2,"\'=HYPERLINK(""x"")",-2\r\nA-3,,0\r\n');
	});
});
