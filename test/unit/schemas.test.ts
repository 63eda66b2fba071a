import { describe, expect, it, vi } from 'vitest';
import { buildDay } from '../../src/lib/clock.ts';
import { validate } from '../../src/lib/content/error-map.ts';
import { sortProblems } from '../../src/lib/problems.ts';
import { parseYaml } from '../../src/lib/content/yaml.ts';
import { findingSchema } from '../../src/schemas/finding.ts';
import { characters, LENGTH_LIMITS, yearsAfter } from '../../src/schemas/limits.ts';
import { pageSchema } from '../../src/schemas/page.ts';
import { reportSchema } from '../../src/schemas/report.ts';
import { themeSchema } from '../../src/schemas/theme.ts';

/** `field: message` for each problem of a YAML text, the way the check prints them. */
function problems(schema: Parameters<typeof validate>[0], yaml: string): string[] {
	return sortProblems(validate(schema, parseYaml(yaml), 'f.md').problems).map(
		(p) => `${p.line}: ${p.field}: ${p.message}`,
	);
}

const FINDING = 'title: T\nsummary: S\nstatus: completed\noutcome: no-case\nopened: 2014-11-20\nclosed: 2017-02-14\n';

describe('finding schema', () => {
	it('fills in the defaults of a minimal finding', () => {
		const { data } = validate(
			findingSchema,
			parseYaml('title: T\nsummary: S\nstatus: open\nopened: 2014-11-20\n'),
			'f.md',
		);
		expect(data).toEqual({
			title: 'T',
			summary: 'S',
			status: 'open',
			opened: '2014-11-20',
			themes: [],
			metrics: {},
			recommendations: [],
			related: [],
			tags: [],
			draft: false,
		});
	});

	it('accepts the Date objects that Astro’s frontmatter parser produces', () => {
		const result = findingSchema.safeParse({
			title: 'T',
			summary: 'S',
			status: 'open',
			opened: new Date('2014-11-20T00:00:00Z'),
		});
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
		expect(
			problems(
				findingSchema,
				`id: 7\ntitle: ""\nsummary: ${'x'.repeat(301)}\nstatus: open\nopened: 2017-02-30\nmetrics: { a: -1, b: lots }\ndraft: yes\nrecommendations:\n  - text: t\n    status: pending\nsumary: typo\nfoo: 1\n`,
			),
		).toEqual([
			'1: id: must be text; put it in quotes if it is a number, e.g. "007"',
			'2: title: must not be empty',
			'3: summary: is 301 characters long; shorten it to at most 300',
			'5: opened: "2017-02-30" is not a real date written as YYYY-MM-DD, e.g. 2017-03-08',
			'6: metrics.a: must be 0 or more',
			'6: metrics.b: must be a number',
			'7: draft: must be true or false',
			'9: recommendations[0].to: is required; add it (text)',
			'10: recommendations[0].status: "pending" is not a value this field takes; use one of: made, accepted, rejected, implemented',
			'11: sumary: unknown field; did you mean "summary"?',
			'12: foo: unknown field; remove it or use one of: id, title, summary, status, outcome, opened, closed, themes, metrics, recommendations, related, tags, draft',
		]);
	});
});

describe('report schema', () => {
	const REPORT =
		'title: R\npublisher: P\nasAt: 2017-03-08\nmetrics:\n  allegations: { label: Allegations }\noutcomes: {}\n';

	it('defaults the language, the statuses and the figures', () => {
		const { data } = validate(reportSchema, parseYaml(REPORT), 'report.yaml');
		expect(data?.language).toBe('en');
		expect(Object.keys(data?.statuses ?? {})).toEqual(['open', 'completed', 'discontinued']);
		expect(data?.figures).toEqual({});
	});

	it('keeps metrics in file order, for display', () => {
		const { data } = validate(
			reportSchema,
			parseYaml(REPORT.replace('allegations: { label: Allegations }', 'z: { label: Z }\n  a: { label: A }')),
			'report.yaml',
		);
		expect(Object.keys(data?.metrics ?? {})).toEqual(['z', 'a']);
	});

	it('checks figure expressions for syntax and keys for spelling', () => {
		expect(
			problems(
				reportSchema,
				`${REPORT}figures:\n  Total: { label: T, value: 1 }\n  total: { label: T, value: 1, equals: "count(" }\n`,
			),
		).toEqual([
			'8: figures.Total: "Total" is not a valid name: use lower-case letters, digits and single hyphens, e.g. "information-sharing"',
			'9: figures.total.equals: "count(" is not an expression; write e.g. count, count(status=completed), sum(allegations) or sum(allegations, theme=leadership)',
		]);
	});
});

describe('plausible dates', () => {
	const opened = (date: string) => problems(findingSchema, `title: T\nsummary: S\nstatus: open\nopened: ${date}\n`);
	const asAt = (date: string) =>
		problems(reportSchema, `title: R\npublisher: P\nasAt: ${date}\nmetrics:\n  a: { label: A }\noutcomes: {}\n`);

	it('refuses a date before 1900, such as a year typed 0215 for 2015', () => {
		expect(opened('0215-05-02')).toEqual([
			'4: opened: 0215-05-02 is before 1900-01-01, the earliest date a report may hold; check the year',
		]);
		// Years under 100 are read as written, not as 19xx.
		expect(opened('0015-01-01')).toEqual([
			'4: opened: 0015-01-01 is before 1900-01-01, the earliest date a report may hold; check the year',
		]);
		expect(opened('1899-12-31')).toHaveLength(1);
		expect(opened('1900-01-01')).toEqual([]);
		expect(problems(findingSchema, `${FINDING}recommendations:\n  - { text: t, to: x, due: 1066-10-14 }\n`)).toEqual([
			'8: recommendations[0].due: 1066-10-14 is before 1900-01-01, the earliest date a report may hold; check the year',
		]);
	});

	it('keeps the as-at date between 1900 and 2100', () => {
		expect(asAt('2101-01-01')).toEqual([
			'3: asAt: 2101-01-01 is after 2100-12-31, the latest date a report may be correct at; check the year',
		]);
		expect(asAt('1899-12-31')).toEqual([
			'3: asAt: 1899-12-31 is before 1900-01-01, the earliest date a report may hold; check the year',
		]);
		expect(asAt('2100-12-31')).toEqual([]);
	});

	it('takes a correction dated after asAt (the report is published, then corrected), but not after today', () => {
		vi.useFakeTimers({ toFake: ['Date'] });
		try {
			// 2017-03-25 at noon UTC: the 25th everywhere, and the 26th from UTC+12 on.
			vi.setSystemTime(new Date('2017-03-25T12:00:00Z'));
			const corrections = (dates: string[]) =>
				`title: R\npublisher: P\nasAt: 2017-03-08\nmetrics:\n  a: { label: A }\noutcomes: {}\ncorrections:\n${dates.map((date) => `  - { date: ${date}, text: T }\n`).join('')}`;
			expect(problems(reportSchema, corrections(['2017-03-20', '2017-03-26', '2017-03-08', '2016-12-01']))).toEqual([]);
			expect(problems(reportSchema, corrections(['2017-03-27', '1899-01-01', '2017-02-30']))).toEqual([
				'8: corrections[0].date: 2017-03-27 is after today (2017-03-26); a correction is dated the day it is published: check the date, or add the correction on that day',
				'9: corrections[1].date: 1899-01-01 is before 1900-01-01, the earliest date a report may hold; check the year',
				'10: corrections[2].date: "2017-02-30" is not a real date written as YYYY-MM-DD, e.g. 2017-03-08',
			]);
			const { data } = validate(reportSchema, parseYaml(corrections(['2017-03-20'])), 'report.yaml');
			expect(data?.corrections).toEqual([{ date: '2017-03-20', text: 'T', findings: [] }]);
		} finally {
			vi.useRealTimers();
		}
	});

	it('repeats a date written another way, with the ISO dates it may mean', () => {
		const finding = (opened: string) => `title: T\nsummary: S\nstatus: open\nopened: ${opened}\nmetrics: {}\n`;
		expect(problems(findingSchema, finding('01/04/2026'))).toEqual([
			'4: opened: "01/04/2026" is not written as YYYY-MM-DD; write 2026-04-01 or 2026-01-04, whichever is meant',
		]);
		expect(problems(findingSchema, finding('25.12.2024'))).toEqual([
			'4: opened: "25.12.2024" is not written as YYYY-MM-DD; write 2024-12-25',
		]);
		expect(problems(findingSchema, finding('2024'))).toEqual([
			'4: opened: 2024 is not a date written as YYYY-MM-DD, e.g. 2017-03-08',
		]);
	});

	it('takes the build day from SOURCE_DATE_EPOCH when it is set', () => {
		const before = process.env.SOURCE_DATE_EPOCH;
		process.env.SOURCE_DATE_EPOCH = String(Date.parse('2020-06-01T00:00:00Z') / 1000);
		try {
			expect(buildDay()).toBe('2020-06-01');
		} finally {
			if (before === undefined) delete process.env.SOURCE_DATE_EPOCH;
			else process.env.SOURCE_DATE_EPOCH = before;
		}
	});

	it('moves a deadline on by whole years, 29 February to 28 February when there is none', () => {
		expect(yearsAfter('2017-03-08', 50)).toBe('2067-03-08');
		expect(yearsAfter('2016-02-29', 50)).toBe('2066-02-28');
		expect(yearsAfter('2016-02-29', 4)).toBe('2020-02-29');
	});
});

describe('length limits', () => {
	const long = (limit: number) => 'x'.repeat(limit + 1);
	const message = (limit: number) =>
		`is ${(limit + 1).toLocaleString('en-GB')} characters long; shorten it to at most ${limit.toLocaleString('en-GB')}`;

	it('says how long a 5 MB title is, and what to shorten it to', () => {
		expect(
			problems(findingSchema, `title: ${'x'.repeat(5 * 1024 * 1024)}\nsummary: S\nstatus: open\nopened: 2014-11-20\n`),
		).toEqual(['1: title: is 5,242,880 characters long; shorten it to at most 200']);
	});

	it('limits every text of a finding, its recommendations and its tags', () => {
		const { title, summary, recommendation, recipient, tag } = LENGTH_LIMITS;
		expect(
			problems(
				findingSchema,
				`title: ${long(title)}\nsummary: ${long(summary)}\nstatus: open\nopened: 2014-11-20\nrecommendations:\n  - text: ${long(recommendation)}\n    to: ${long(recipient)}\ntags: [ok, ${long(tag)}]\n`,
			),
		).toEqual([
			`1: title: ${message(200)}`,
			`2: summary: ${message(300)}`,
			`6: recommendations[0].text: ${message(2000)}`,
			`7: recommendations[0].to: ${message(200)}`,
			`8: tags[1]: ${message(50)}`,
		]);
	});

	it('limits every text of report.yaml: titles, labels, descriptions, expressions, keys', () => {
		const { title, subtitle, publisher, edition, notice, label, description, expression, key } = LENGTH_LIMITS;
		const yaml = [
			`title: ${long(title)}`,
			`subtitle: ${long(subtitle)}`,
			`publisher: ${long(publisher)}`,
			'asAt: 2017-03-08',
			`edition: ${long(edition)}`,
			`notice: ${long(notice)}`,
			`site: https://example.org/${long(LENGTH_LIMITS.site)}`,
			'metrics:',
			`  a: { label: ${long(label)}, description: ${long(description)} }`,
			'outcomes:',
			`  ${'k'.repeat(key + 1)}: { label: K }`,
			'figures:',
			`  f: { label: ${long(label)}, value: 1, equals: "count(${long(expression)})" }`,
			'corrections:',
			`  - { date: 2017-03-01, text: ${long(LENGTH_LIMITS.correction)} }`,
		].join('\n');
		expect(problems(reportSchema, yaml)).toEqual([
			`1: title: ${message(200)}`,
			`2: subtitle: ${message(300)}`,
			`3: publisher: ${message(200)}`,
			`5: edition: ${message(300)}`,
			`6: notice: ${message(300)}`,
			`7: site: is 521 characters long; shorten it to at most 500`,
			`9: metrics.a.description: ${message(300)}`,
			`9: metrics.a.label: ${message(80)}`,
			`11: outcomes.${'k'.repeat(101)}: "${'k'.repeat(101)}" is not a valid name: ${message(100)}`,
			`13: figures.f.equals: is 208 characters long; shorten it to at most 200`,
			`13: figures.f.label: ${message(80)}`,
			`15: corrections[0].text: ${message(2000)}`,
		]);
	});

	it('limits themes and chapters', () => {
		expect(problems(themeSchema, `title: ${long(200)}\nsummary: ${long(300)}\n`)).toEqual([
			`1: title: ${message(200)}`,
			`2: summary: ${message(300)}`,
		]);
		expect(problems(pageSchema, `title: ${long(200)}\nsummary: ${long(300)}\n`)).toEqual([
			`1: title: ${message(200)}`,
			`2: summary: ${message(300)}`,
		]);
	});

	it('counts characters as a reader does: an emoji is one', () => {
		expect(characters('👩🏽‍⚖️ é')).toBe(7);
		expect(problems(themeSchema, `title: ${'😀'.repeat(200)}\nsummary: S\n`)).toEqual([]);
		expect(problems(themeSchema, `title: ${'😀'.repeat(201)}\nsummary: S\n`)).toEqual([`1: title: ${message(200)}`]);
	});
});

describe('names that Object.prototype also has', () => {
	const REPORT = 'title: R\npublisher: P\nasAt: 2017-03-08\nmetrics:\n  constructor: { label: toString }\n';

	it('accepts constructor and prototype as keys, and any text as a label', () => {
		const { data, problems: found } = validate(
			reportSchema,
			parseYaml(`${REPORT}outcomes:\n  prototype: { label: __proto__ }\n  upheld: { label: constructor }\n`),
			'report.yaml',
		);
		expect(found).toEqual([]);
		expect(Object.keys(data!.metrics)).toEqual(['constructor']);
		expect(data!.metrics.constructor).toEqual({ label: 'toString' });
		expect(data!.outcomes).toEqual({ prototype: { label: '__proto__' }, upheld: { label: 'constructor' } });
	});

	it('refuses __proto__ and toString as keys, by the key pattern', () => {
		expect(problems(reportSchema, `${REPORT}outcomes:\n  __proto__: { label: P }\n  toString: { label: T }\n`)).toEqual(
			[
				'7: outcomes.__proto__: "__proto__" is not a valid name: use lower-case letters, digits and single hyphens, e.g. "information-sharing"',
				'8: outcomes.toString: "toString" is not a valid name: use lower-case letters, digits and single hyphens, e.g. "information-sharing"',
			],
		);
	});
});
