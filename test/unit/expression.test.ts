import { describe, expect, it } from 'vitest';
import { checkExpression, evaluate, parseExpression, type Countable } from '../../src/lib/figures/expression.ts';

const findings: Countable[] = [
	{
		status: 'completed',
		outcome: 'no-case',
		opened: '2014-11-20',
		themes: ['leadership', 'culture'],
		metrics: { allegations: 4, officers: 2 },
	},
	{ status: 'completed', outcome: 'upheld', opened: '2015-01-02', themes: ['culture'], metrics: { allegations: 1 } },
	{ status: 'open', opened: '2015-12-31', themes: [], metrics: { allegations: 10, officers: 5 } },
];

function value(text: string): number {
	const parsed = parseExpression(text);
	if (!parsed.ok) throw new Error(parsed.error);
	return evaluate(parsed.expression, findings);
}

describe('figure expressions', () => {
	it('counts and sums the findings, with filters that must all hold', () => {
		expect(value('count')).toBe(3);
		expect(value('count()')).toBe(3);
		expect(value('count(status=completed)')).toBe(2);
		expect(value('count(theme=culture, outcome=upheld)')).toBe(1);
		expect(value('sum(allegations)')).toBe(15);
		expect(value(' sum( allegations , status = completed ) ')).toBe(5);
		expect(value('sum(allegations, theme=culture)')).toBe(5);
		expect(value('count(year=2015)')).toBe(2);
		expect(value('sum(allegations, year=2014)')).toBe(4);
	});

	it('counts a metric a finding does not record as 0', () => {
		expect(value('sum(officers)')).toBe(7);
	});

	it('explains each syntax error with an example', () => {
		const error = (text: string) => {
			const parsed = parseExpression(text);
			return parsed.ok ? 'parsed' : parsed.error;
		};
		expect(error('total()')).toBe(
			'"total()" is not an expression; write e.g. count, count(status=completed), sum(allegations) or sum(allegations, theme=leadership)',
		);
		expect(error('sum()')).toBe('sum needs a metric first, e.g. sum(allegations) or sum(allegations, status=open)');
		expect(error('sum(status=open)')).toBe(
			'sum needs a metric first, e.g. sum(allegations) or sum(allegations, status=open)',
		);
		expect(error('count(colour=red)')).toBe('"colour" cannot be filtered on; use one of: status, outcome, theme, year');
		expect(error('count(status)')).toBe('"status" is not a filter; write field=value, e.g. status=completed');
	});

	it('names every metric and value the report does not declare', () => {
		const parsed = parseExpression('sum(widgets, status=closed, outcome=upheld, theme=x, year=15)');
		if (!parsed.ok) throw new Error(parsed.error);
		expect(
			checkExpression(parsed.expression, {
				metrics: ['allegations'],
				statuses: ['open'],
				outcomes: ['no-case'],
				themes: [],
			}),
		).toEqual([
			'"widgets" is not a metric of this report; use one of: allegations',
			'"closed" is not a status of this report; use one of: open',
			'"upheld" is not an outcome of this report; use one of: no-case',
			'"x" is not a theme of this report; use one of: (none declared)',
			'"15" is not a year; write four digits, e.g. year=2015',
		]);
	});

	it('counts a metric named constructor that a finding does not record as 0, not as Object', () => {
		const parsed = parseExpression('sum(constructor)');
		if (!parsed.ok) throw new Error(parsed.error);
		expect(evaluate(parsed.expression, [...findings, { ...findings[0]!, metrics: { constructor: 2 } }])).toBe(2);
		expect(evaluate({ op: 'sum', metric: 'toString', filter: [] }, findings)).toBe(0);
	});
});
