import { describe, expect, it } from 'vitest';
import { english } from '../support/words.ts';
import { citation } from '../../src/lib/exports/cite.ts';
import { byRecipient, isOverdue, recommendationRows } from '../../src/lib/recommendations.ts';
import { neighbours, relatedBothWays } from '../../src/lib/relations.ts';

describe('related findings', () => {
	it('lists a relation on both pages, once, ignoring unknown and self links', () => {
		const related = relatedBothWays([
			{ id: 'A', related: ['C'] },
			{ id: 'B', related: ['A', 'A', 'B', 'gone'] },
			{ id: 'C', related: ['A'] },
		]);
		expect(Object.fromEntries(related)).toEqual({ A: ['B', 'C'], B: ['A'], C: ['A'] });
	});

	it('finds the previous and next finding', () => {
		expect(neighbours(['A', 'B', 'C'], 0)).toEqual({ previous: undefined, next: 'B' });
		expect(neighbours(['A', 'B', 'C'], 2)).toEqual({ previous: 'B', next: undefined });
	});
});

describe('citation', () => {
	it('names the publisher, year, finding, report, edition and stable URL', () => {
		expect(
			citation(english.t, {
				publisher: 'Watchdog',
				reportTitle: 'Review',
				edition: 'Interim',
				asAt: '2017-03-08',
				id: 'INV-07',
				title: 'Records',
				url: 'https://x.org/r/findings/INV-07/',
			}),
		).toBe('Watchdog (2017). INV-07: Records. In Review, Interim. https://x.org/r/findings/INV-07/');
	});
});

describe('recommendations', () => {
	it('is overdue only while awaiting action after its due date', () => {
		expect(isOverdue({ status: 'made', due: '2017-01-31' }, '2017-03-08')).toBe(true);
		expect(isOverdue({ status: 'accepted', due: '2017-03-08' }, '2017-03-08')).toBe(false);
		expect(isOverdue({ status: 'implemented', due: '2016-01-01' }, '2017-03-08')).toBe(false);
		expect(isOverdue({ status: 'made' }, '2017-03-08')).toBe(false);
	});

	it('numbers recommendations within their finding and groups them by recipient', () => {
		const rows = recommendationRows(
			[
				{
					id: 'A',
					title: 'a',
					recommendations: [
						{ text: 'x', to: 'Force', status: 'made', due: '2016-01-01' },
						{ text: 'y', to: 'Council', status: 'accepted' },
					],
				},
				{ id: 'B', title: 'b', recommendations: [{ text: 'z', to: 'Force', status: 'implemented' }] },
			],
			'2017-03-08',
		);
		expect(rows.map((row) => `${row.findingId} R${row.number} ${row.overdue}`)).toEqual([
			'A R1 true',
			'A R2 false',
			'B R1 false',
		]);
		const groups = byRecipient(rows);
		expect(groups.map((group) => [group.to, group.items.length, group.overdue, group.counts.implemented])).toEqual([
			['Force', 2, 1, 1],
			['Council', 1, 0, 0],
		]);
	});
});
