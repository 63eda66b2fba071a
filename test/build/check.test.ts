import { describe, expect, it } from 'vitest';
import { fixture, run } from '../support/run.ts';

/** `npm run check` on a fixture folder: its whole output is pinned, so every message is. */
function check(name: string) {
	return run('check', { REPORT_CONTENT: fixture(name) });
}

describe('npm run check', () => {
	it('passes the sample report and says what it checked', () => {
		const result = check('../../content');
		expect(result.stderr).toBe('');
		expect(result.stdout.trim()).toBe(
			'Content is valid. 62 finding files: 62 published, 0 drafts. 6 themes, 3 pages; 6 figures reconcile.',
		);
		expect(result.status).toBe(0);
	});

	it('passes a second report with its own themes, metrics, outcomes, statuses and figures', () => {
		const result = check('second-report');
		expect(result.stdout.trim()).toBe(
			'Content is valid. 4 finding files: 3 published, 1 draft. 2 themes, 1 page; 4 figures reconcile.',
		);
		expect(result.status).toBe(0);
	});

	it('reports every problem of findings, themes and pages at once, as file:line: field: message', () => {
		const result = check('broken-content');
		expect(result.status).toBe(1);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatchInlineSnapshot(`
			"test/fixtures/broken-content/findings/bad-values.md:3: summary: is 301 characters long; shorten it to at most 300
			test/fixtures/broken-content/findings/bad-values.md:4: status: "closed" is not a status of this report; use one of: open, completed, discontinued (the default set; declare your own under statuses in report.yaml)
			test/fixtures/broken-content/findings/bad-values.md:5: opened: "2017-02-30" is not a real date written as YYYY-MM-DD, e.g. 2017-03-08
			test/fixtures/broken-content/findings/bad-values.md:6: themes[1]: "nonexistent" is not a theme; use one of: Bad Theme, leadership (one file per theme in themes/)
			test/fixtures/broken-content/findings/bad-values.md:7: metrics.allegations: must be 0 or more
			test/fixtures/broken-content/findings/bad-values.md:7: metrics.widgets: "widgets" is not a metric of this report; use one of: allegations (declared under metrics in report.yaml)
			test/fixtures/broken-content/findings/bad-values.md:8: draft: must be true or false
			test/fixtures/broken-content/findings/closed-before.md:5: outcome: "upheld" is not an outcome of this report; use one of: no-case-to-answer (declared under outcomes in report.yaml)
			test/fixtures/broken-content/findings/closed-before.md:7: closed: 2016-04-30 is before opened (2016-05-01); a finding cannot close before it opens
			test/fixtures/broken-content/findings/completed-rules.md:2: closed: is required when status is completed; add the date the finding was closed (YYYY-MM-DD)
			test/fixtures/broken-content/findings/completed-rules.md:2: outcome: is required when status is completed; add one of the outcomes declared in report.yaml
			test/fixtures/broken-content/findings/crlf-bom.md:5: opened: "2015-13-01" is not a real date written as YYYY-MM-DD, e.g. 2017-03-08
			test/fixtures/broken-content/findings/dup-a.md:2: id: "DUP-1" is also the id of test/fixtures/broken-content/findings/sub/dup-b.md; give each finding its own id (set id:, or rename the file)
			test/fixtures/broken-content/findings/list-frontmatter.md:2: frontmatter: must be a set of fields (key: value lines), not a list
			test/fixtures/broken-content/findings/malformed.md:3: frontmatter: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML syntax
			test/fixtures/broken-content/findings/missing-fields.md:2: opened: is required; add a date written as YYYY-MM-DD, e.g. 2017-03-08
			test/fixtures/broken-content/findings/missing-fields.md:2: status: is required; add it (text)
			test/fixtures/broken-content/findings/missing-fields.md:2: summary: is required; add it (text)
			test/fixtures/broken-content/findings/no-frontmatter.md:1: file: the file must start with a line of three dashes (---) that opens the frontmatter
			test/fixtures/broken-content/findings/numeric-id.md:2: id: must be text; put it in quotes if it is a number, e.g. "007"
			test/fixtures/broken-content/findings/open-rules.md:5: outcome: must not be set while status is open; remove it, or change the status
			test/fixtures/broken-content/findings/open-rules.md:7: closed: must not be set while status is open; remove it, or change the status
			test/fixtures/broken-content/findings/recs.md:9: recommendations[1].to: is required; add it (text)
			test/fixtures/broken-content/findings/recs.md:10: recommendations[1].status: "pending" is not a value this field takes; use one of: made, accepted, rejected, implemented
			test/fixtures/broken-content/findings/recs.md:11: recommendations[1].due: "2017-13-01" is not a real date written as YYYY-MM-DD, e.g. 2017-03-08
			test/fixtures/broken-content/findings/related.md:6: related[0]: "NOPE" is not the id of any finding; check the spelling (ids are case-sensitive)
			test/fixtures/broken-content/findings/related.md:6: related[1]: a finding cannot be related to itself; remove this id
			test/fixtures/broken-content/findings/related.md:6: related[2]: "draft" is a draft and has no page; remove the link or publish that finding
			test/fixtures/broken-content/findings/sub/dup-b.md:2: id: "DUP-1" is also the id of test/fixtures/broken-content/findings/dup-a.md; give each finding its own id (set id:, or rename the file)
			test/fixtures/broken-content/findings/typo-key.md:2: summary: is required; add it (text)
			test/fixtures/broken-content/findings/typo-key.md:3: sumary: unknown field; did you mean "summary"?
			test/fixtures/broken-content/findings/typo-key.md:6: recomendations: unknown field; did you mean "recommendations"?
			test/fixtures/broken-content/findings/unclosed.md:1: file: the frontmatter is not closed; add a line of three dashes (---) after the last field
			test/fixtures/broken-content/pages/empty.md:1: file: the file is empty; start it with ---, the fields (e.g. title: …), and another ---
			test/fixtures/broken-content/pages/findings.md:1: file: "findings" is a section of the site; rename the page file, e.g. about-findings.md
			test/fixtures/broken-content/report.yaml:9: figures.total.value: declared 99, but count gives 3 from the published findings; 16 finding files with problems may be why (test/fixtures/broken-content/findings/bad-values.md, test/fixtures/broken-content/findings/closed-before.md, test/fixtures/broken-content/findings/completed-rules.md and 13 more): fix them first, and correct this value only if it is still off
			test/fixtures/broken-content/report.yaml:10: figures.widgets.equals: "widgets" is not a metric of this report; use one of: allegations
			test/fixtures/broken-content/report.yaml:11: figures.leaders.equals: "upheld" is not an outcome of this report; use one of: no-case-to-answer
			test/fixtures/broken-content/themes/Bad Theme.md:1: file: "Bad Theme" is not a valid theme id: upper-case letters are not allowed, a space becomes "%20" in the address; rename the file using lower-case letters, digits and hyphens, e.g. bad-theme.md
			test/fixtures/broken-content/themes/typo.md:2: summary: is required; add it (text)
			test/fixtures/broken-content/themes/typo.md:2: titel: unknown field; did you mean "title"?
			test/fixtures/broken-content/themes/typo.md:2: title: is required; add it (text)
			test/fixtures/broken-content/themes/typo.md:3: order: must be a number, not the text "first"

			43 problems in 21 files.
			"
		`);
	});

	it('reports every problem of report.yaml', () => {
		const result = check('broken-report');
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"test/fixtures/broken-report/report.yaml:1: publisher: is required; add it (text)
			test/fixtures/broken-report/report.yaml:1: titel: unknown field; did you mean "title"?
			test/fixtures/broken-report/report.yaml:1: title: is required; add it (text)
			test/fixtures/broken-report/report.yaml:2: asAt: "8 March 2017" is not a real date written as YYYY-MM-DD, e.g. 2017-03-08
			test/fixtures/broken-report/report.yaml:3: language: "not a language!" is not a language tag; write a tag such as en, en-GB, cy or fr
			test/fixtures/broken-report/report.yaml:4: site: must be the absolute http(s) URL of the hosted report
			test/fixtures/broken-report/report.yaml:5: metrics: declare at least one metric
			test/fixtures/broken-report/report.yaml:7: outcomes.Bad Key: "Bad Key" is not a valid name: use lower-case letters, digits and single hyphens, e.g. "information-sharing"
			test/fixtures/broken-report/report.yaml:8: outcomes.fine.label: is required; add it (text)
			test/fixtures/broken-report/report.yaml:8: outcomes.fine.lable: unknown field; did you mean "label"?
			test/fixtures/broken-report/report.yaml:10: figures.total.equals: "total()" is not an expression; write e.g. count, count(status=completed), sum(allegations) or sum(allegations, theme=leadership)
			test/fixtures/broken-report/report.yaml:10: figures.total.value: must be a number, e.g. 62
			test/fixtures/broken-report/report.yaml:11: figures.partial.equals: sum needs a metric first, e.g. sum(allegations) or sum(allegations, status=open)
			test/fixtures/broken-report/report.yaml:12: figures.filtered.equals: "colour" cannot be filtered on; use one of: status, outcome, theme, year

			14 problems in 1 file.
			"
		`);
	});

	it('reports malformed YAML with its line, and a missing report.yaml', () => {
		expect(check('malformed-report')).toMatchObject({ status: 1 });
		expect(check('malformed-report').stderr).toMatchInlineSnapshot(`
			"test/fixtures/malformed-report/report.yaml:2: yaml: Nested mappings are not allowed in compact mappings; fix the YAML syntax
			test/fixtures/malformed-report/report.yaml:2: yaml: Implicit keys need to be on a single line; fix the YAML syntax
			test/fixtures/malformed-report/report.yaml:5: yaml: Flow sequence in block collection must be sufficiently indented and end with a ]; fix the YAML syntax

			3 problems in 1 file.
			"
		`);
		expect(check('missing-report').stderr).toMatchInlineSnapshot(`
			"test/fixtures/missing-report/report.yaml:1: file: not found; every report folder needs a report.yaml with at least title, publisher, asAt, metrics and outcomes

			1 problem in 1 file.
			"
		`);
	});

	it('reports an image that a body uses but the folder lacks', () => {
		const result = run('check', { REPORT_CONTENT: fixture('missing-image') });
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"test/fixtures/missing-image/findings/2025/PA-3.md:12: body: image "../../assets/spend.png" not found (looked for test/fixtures/missing-image/assets/spend.png); check the path, relative to this file

			1 problem in 1 file.
			"
		`);
	});

	it('reports every directive that names what the report lacks, and leaves prose with colons alone', () => {
		const result = check('broken-directives');
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"test/fixtures/broken-directives/pages/scope.md:6: body: :figure[total]: "total" is not a figure of this report; use one of: audits, reported, spend, vfm-contracts
			test/fixtures/broken-directives/pages/scope.md:6: body: :figure[]: :figure needs the name of a figure in brackets, e.g. :figure[audits]
			test/fixtures/broken-directives/pages/scope.md:6: body: :figur[spend]: :figur is not a directive; did you mean :figure? (write \\: to keep the colon as text)
			test/fixtures/broken-directives/pages/scope.md:6: body: :count{colour=red}: "colour" cannot be filtered on; use status, outcome, theme, year
			test/fixtures/broken-directives/pages/scope.md:8: body: :count{status=closed}: "closed" is not a status of this report; use one of: planned, open, completed
			test/fixtures/broken-directives/pages/scope.md:8: body: :count{theme=leadership outcome=upheld}: "leadership" is not a theme of this report; use one of: contract-management, value-for-money; "upheld" is not an outcome of this report; use one of: satisfactory, improvement-needed
			test/fixtures/broken-directives/pages/scope.md:8: body: :count{year=15}: "15" is not a year; write four digits, e.g. year=2015
			test/fixtures/broken-directives/pages/scope.md:8: body: :count{status}: status needs a value, e.g. status=…
			test/fixtures/broken-directives/pages/scope.md:10: body: :sum{theme=value-for-money}: :sum needs a metric, e.g. :sum{metric=spend}
			test/fixtures/broken-directives/pages/scope.md:10: body: :sum{metric=widgets}: "widgets" is not a metric of this report; use one of: spend, contracts
			test/fixtures/broken-directives/pages/scope.md:12: body: ::chart{by=colour}: ::chart needs by= one of status, outcome, theme, year, e.g. ::chart{by=theme}
			test/fixtures/broken-directives/pages/scope.md:14: body: ::chart{metric=spend}: ::chart needs by= one of status, outcome, theme, year, e.g. ::chart{by=theme}
			test/fixtures/broken-directives/pages/scope.md:16: body: ::chart{by=status metric=widgets}: "widgets" is not a metric of this report; use one of: spend, contracts
			test/fixtures/broken-directives/pages/scope.md:18: body: ::count{status=open}: :count goes inside a sentence, with one colon, e.g. :count{status=completed}
			test/fixtures/broken-directives/pages/scope.md:20: body: :chart{by=theme}: ::chart goes on a line of its own, with two colons, e.g. ::chart{by=theme}

			15 problems in 1 file.
			"
		`);
	});

	it('says so when the report folder does not exist', () => {
		const result = run('check', { REPORT_CONTENT: '/nonexistent/report' });
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"/nonexistent/report:1: folder: no report folder here; create it, or point REPORT_CONTENT at an existing one

			1 problem in 1 file.
			"
		`);
	});
});
