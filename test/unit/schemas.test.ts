import { describe, expect, it } from 'vitest';
import { validate } from '../../src/lib/error-map.ts';
import { sortProblems } from '../../src/lib/problems.ts';
import { parseYaml } from '../../src/lib/content/yaml.ts';
import { findingSchema } from '../../src/schemas/finding.ts';
import { reportSchema } from '../../src/schemas/report.ts';

/** `field: message` for each problem of a YAML text, the way the check prints them. */
function problems(schema: Parameters<typeof validate>[0], yaml: string): string[] {
	return sortProblems(validate(schema, parseYaml(yaml), 'f.md').problems).map((p) => `${p.line}: ${p.field}: ${p.message}`);
}

const FINDING = 'title: T\nsummary: S\nstatus: completed\noutcome: no-case\nopened: 2014-11-20\nclosed: 2017-02-14\n';

describe('finding schema', () => {
	it('fills in the defaults of a minimal finding', () => {
		const { data } = validate(findingSchema, parseYaml('title: T\nsummary: S\nstatus: open\nopened: 2014-11-20\n'), 'f.md');
		expect(data).toEqual({ title: 'T', summary: 'S', status: 'open', opened: '2014-11-20', themes: [], metrics: {}, recommendations: [], related: [], tags: [], draft: false });
	});

	it('accepts the Date objects that Astro’s frontmatter parser produces', () => {
		const result = findingSchema.safeParse({ title: 'T', summary: 'S', status: 'open', opened: new Date('2014-11-20T00:00:00Z') });
		expect(result.success && result.data.opened).toBe('2014-11-20');
	});

	it('ties outcome and closed to the status', () => {
		expect(problems(findingSchema, 'title: T\nsummary: S\nstatus: completed\nopened: 2014-11-20\n')).toEqual([
			'1: closed: is required when status is completed; add the date the finding was closed (YYYY-MM-DD)',
			'1: outcome: is required when status is completed; add one of the outcomes declared in report.yaml',
		]);
		expect(problems(findingSchema, FINDING.replace('completed', 'open'))).toEqual([
			'4: outcome: must not be set while status is open; remove it, or change the status',
			'6: closed: must not be set while status is open; remove it, or change the status',
		]);
		expect(problems(findingSchema, FINDING.replace('2017-02-14', '2014-11-19'))).toEqual([
			'6: closed: 2014-11-19 is before opened (2014-11-20); a finding cannot close before it opens',
		]);
		expect(problems(findingSchema, FINDING)).toEqual([]);
	});

	it('reports every shape problem at once, each on its own line', () => {
		expect(problems(findingSchema, `id: 7\ntitle: ""\nsummary: ${'x'.repeat(301)}\nstatus: open\nopened: 2017-02-30\nmetrics: { a: -1, b: lots }\ndraft: yes\nrecommendations:\n  - text: t\n    status: pending\nsumary: typo\nfoo: 1\n`)).toEqual([
			'1: id: must be text; put it in quotes if it is a number, e.g. "007"',
			'2: title: must not be empty',
			'3: summary: is 301 characters long; shorten it to at most 300',
			'5: opened: must be a real date written as YYYY-MM-DD, e.g. 2017-03-08',
			'6: metrics.a: must be 0 or more',
			'6: metrics.b: must be a number',
			'7: draft: must be true or false',
			'9: recommendations[0].to: is required; add it (text)',
			'10: recommendations[0].status: must be one of: made, accepted, rejected, implemented',
			'11: sumary: unknown field; did you mean "summary"?',
			'12: foo: unknown field; remove it or use one of: id, title, summary, status, outcome, opened, closed, themes, metrics, recommendations, related, tags, draft',
		]);
	});
});

describe('report schema', () => {
	const REPORT = 'title: R\npublisher: P\nasAt: 2017-03-08\nmetrics:\n  allegations: { label: Allegations }\noutcomes: {}\n';

	it('defaults the language, the statuses and the figures', () => {
		const { data } = validate(reportSchema, parseYaml(REPORT), 'report.yaml');
		expect(data?.language).toBe('en');
		expect(Object.keys(data?.statuses ?? {})).toEqual(['open', 'completed', 'discontinued']);
		expect(data?.figures).toEqual({});
	});

	it('keeps metrics in file order, for display', () => {
		const { data } = validate(reportSchema, parseYaml(REPORT.replace('allegations: { label: Allegations }', 'z: { label: Z }\n  a: { label: A }')), 'report.yaml');
		expect(Object.keys(data?.metrics ?? {})).toEqual(['z', 'a']);
	});

	it('checks figure expressions for syntax and keys for spelling', () => {
		expect(problems(reportSchema, `${REPORT}figures:\n  Total: { label: T, value: 1 }\n  total: { label: T, value: 1, equals: "count(" }\n`)).toEqual([
			'8: figures.Total: "Total" is not a valid name: use lower-case letters, digits and single hyphens, e.g. "information-sharing"',
			'9: figures.total.equals: "count(" is not an expression; write e.g. count, count(status=completed), sum(allegations) or sum(allegations, theme=leadership)',
		]);
	});
});
