import { describe, expect, it } from 'vitest';
import { findingsCsv, findingsJson, type ExportInput } from '../../src/lib/exports/exports.ts';
import { dictionary, own } from '../../src/lib/own.ts';
import { rowHtml, type RowContext } from '../../src/lib/table/render.ts';
import type { TableRow } from '../../src/lib/table/state.ts';
import { findingSchema } from '../../src/schemas/finding.ts';
import { reportSchema } from '../../src/schemas/report.ts';

/** Names from the content that a plain object would answer from its prototype: every lookup must see own keys only. */
describe('lookups of names from the content', () => {
	it('see own properties only', () => {
		const map: Record<string, number> = { constructor: 1 };
		expect(own(map, 'constructor')).toBe(1);
		expect(own(map, 'toString')).toBeUndefined();
		expect(own({}, '__proto__')).toBeUndefined();
		expect(own(undefined, 'a')).toBeUndefined();
		const counts = dictionary<number>();
		counts['__proto__'] = 1;
		expect(Object.entries(counts)).toEqual([['__proto__', 1]]);
		expect(counts.toString).toBeUndefined();
	});

	it('write a table row’s status and outcome by their own labels, or as written', () => {
		const row: TableRow = {
			id: 'F-1',
			title: 'T',
			status: 'toString',
			outcome: 'constructor',
			opened: '2019-01-01',
			closed: '',
			themes: [],
			metrics: [null],
		};
		const context: RowContext = { statuses: { open: 'Open' }, outcomes: {}, language: 'en', base: '/' };
		const html = rowHtml(row, context);
		expect(html).toContain('<td>toString</td><td>constructor</td>');
		expect(html).not.toContain('function');
		expect(
			rowHtml(
				{ ...row, status: 'open', outcome: '__proto__' },
				{ ...context, outcomes: JSON.parse('{"__proto__":"Proto label"}') },
			),
		).toContain('<td>Open</td><td>Proto label</td>');
	});

	it('leave a metric named constructor empty in the downloads where a finding does not record it', () => {
		const report = reportSchema.parse({
			title: 'R',
			publisher: 'P',
			asAt: '2020-01-01',
			metrics: { constructor: { label: 'toString' } },
			outcomes: {},
		});
		const data = findingSchema.parse({ title: 'T', summary: 'S', status: 'open', opened: '2019-01-01' });
		const input: ExportInput = {
			report,
			themes: [],
			findings: [{ id: 'F-1', data }],
			findingUrl: (id) => `/findings/${id}/`,
		};
		const csv = findingsCsv(input);
		expect(csv).not.toContain('function');
		expect(csv.split('\r\n')[1]).toBe('F-1,T,S,open,,2019-01-01,,365,,,0,,,/findings/F-1/');
		expect(findingsJson(input).findings[0]!.metrics).toEqual({});
		expect(findingsJson(input).report.metrics).toEqual({ constructor: { label: 'toString' } });
	});
});
