import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/run.ts';
import { writeTree } from '../support/tree.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-messages-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const report = (name: string, files: Record<string, string>) => writeTree(join(work, name, 'report'), files);

const REPORT =
	'title: R\npublisher: P\nasAt: 2024-12-31\nmetrics:\n  contracts: { label: Contracts }\noutcomes:\n  satisfactory: { label: Satisfactory }\n';
const finding = (fields: string) => `---\ntitle: T\nsummary: S\nopened: 2024-01-02\n${fields}\n---\nText.\n`;

describe('a value outside a closed list', () => {
	it('is repeated as written, with the close one it may be a slip for, and where the list is set', () => {
		const dir = report('slips', {
			'report.yaml': REPORT,
			'themes/value-for-money.md': '---\ntitle: Value for money\nsummary: S\n---\nText.\n',
			'findings/a.md': finding('status: complted\nthemes: [value-for-mony]\nmetrics: { contract: 2 }'),
			'findings/b.md': finding('status: completed\noutcome: satisfactroy\nclosed: 2024-02-01'),
		});
		const result = run('check', { REPORT_CONTENT: dir, INIT_CWD: dirname(dir) });
		expect(result.status).toBe(1);
		expect(result.stderr.split('\n').slice(0, 4)).toEqual([
			'report/findings/a.md:5: status: "complted" is not a status of this report; did you mean "completed"? The choices are open, completed, discontinued (the default set; declare your own under statuses in report.yaml)',
			'report/findings/a.md:6: themes[0]: "value-for-mony" is not a theme; did you mean "value-for-money"? The choices are value-for-money (one file per theme in themes/)',
			'report/findings/a.md:7: metrics.contract: "contract" is not a metric of this report; did you mean "contracts"? The choices are contracts (declared under metrics in report.yaml)',
			'report/findings/b.md:6: outcome: "satisfactroy" is not an outcome of this report; did you mean "satisfactory"? The choices are satisfactory (declared under outcomes in report.yaml)',
		]);
	});

	it('repeats a value outside a fixed list, with the one it may be a slip for', () => {
		const dir = report('fixed-list', {
			'report.yaml': REPORT,
			'findings/a.md': finding('status: open\nrecommendations:\n  - { text: Tender it., status: acepted }'),
		});
		expect(run('check', {}, [dir]).stderr.split('\n')[0]).toBe(
			`${join(dir, 'findings/a.md')}:7: recommendations[0].status: "acepted" is not a value this field takes; did you mean "accepted"? The choices are made, accepted, rejected, implemented`,
		);
	});

	it('suggests the language tag meant by a language written by name or with an underscore', () => {
		const at = (language: string) =>
			run('check', {}, [report(`language-${language}`, { 'report.yaml': `${REPORT}language: ${language}\n` })])
				.stderr.split('\n')[0]!
				.replace(/^.*language: /, '');
		expect(at('Cymraeg')).toBe(
			'"Cymraeg" is not a language tag; did you mean cy (Welsh)? Write a tag such as en, en-GB, cy or fr',
		);
		expect(at('en_GB')).toBe(
			'"en_GB" is not a language tag; did you mean en-GB (British English)? Write a tag such as en, en-GB, cy or fr',
		);
		expect(at('xx')).toBe('"xx" is not a language tag; write a tag such as en, en-GB, cy or fr');
	});

	it('lists a report’s own statuses as its own, and suggests nothing far from them', () => {
		const dir = report('own-statuses', {
			'report.yaml': `${REPORT}statuses:\n  planned: { label: Planned }\n  open: { label: Under way }\n  completed: { label: Reported }\n`,
			'findings/a.md': finding('status: planed'),
			'findings/b.md': finding('status: abandoned'),
		});
		const result = run('check', { REPORT_CONTENT: dir, INIT_CWD: dirname(dir) });
		expect(result.stderr.split('\n').slice(0, 2)).toEqual([
			'report/findings/a.md:5: status: "planed" is not a status of this report; did you mean "planned"? The choices are planned, open, completed (declared under statuses in report.yaml)',
			'report/findings/b.md:5: status: "abandoned" is not a status of this report; use one of: planned, open, completed (declared under statuses in report.yaml)',
		]);
	});

	it('suggests the figure or metric meant in a directive or an expression', () => {
		const dir = report('directive-slips', {
			'report.yaml': `${REPORT}figures:\n  audits: { label: Audits, value: 0, equals: "sum(contract)" }\n`,
			'pages/intro.md': '---\ntitle: Intro\n---\nThere are :figure[audit] audits.\n',
		});
		const lines = run('check', {}, [dir]).stderr.split('\n');
		expect(lines).toContain(
			`${join(dir, 'pages/intro.md')}:4: body: :figure[audit]: "audit" is not a figure of this report; did you mean "audits"? The choices are audits`,
		);
		expect(lines).toContain(
			`${join(dir, 'report.yaml')}:9: figures.audits.equals: "contract" is not a metric of this report; did you mean "contracts"? The choices are contracts`,
		);
	});

	it('explains a colon inside a value in plain words, and names the files that a figure no longer adds up without', () => {
		const dir = report('colon', {
			'report.yaml': `${REPORT}figures:\n  findings: { label: Findings, value: 1, equals: count }\n`,
			'findings/a.md': finding('status: open').replace('summary: S', 'summary: Route 1: awarded without a tender'),
		});
		expect(run('check', {}, [dir]).stderr.split('\n').slice(0, 2)).toEqual([
			`${join(dir, 'findings/a.md')}:3: frontmatter: the summary holds ": " (a colon and a space), which reads as the start of another field; put the whole value in quotes: summary: "Route 1: awarded without a ten…"`,
			`${join(dir, 'report.yaml')}:9: figures.findings.value: declared 1, but count gives 0 from the published findings; a finding file with problems may be why (${join(dir, 'findings/a.md')}): fix it first, and correct this value only if it is still off`,
		]);
	});

	it('explains a comma that ended a value in a list of fields on one line, in words that need no YAML', () => {
		const dir = report('flow-map', {
			'report.yaml': REPORT.replace(
				'contracts: { label: Contracts }',
				'contracts: { label: Contracts, description: Amount paid, in pounds }',
			),
		});
		const result = run('check', {}, [dir]);
		expect(result.stderr.split('\n')[0]).toBe(
			`${join(dir, 'report.yaml')}:5: metrics.contracts.in pounds: "in pounds" reads as a field of its own: in a list of fields on one line, inside { }, a comma ends a value, so the words after it became a field. Put that value in quotes ("…, in pounds"), or write the fields on separate lines`,
		);
	});
});

describe('the report a command works on', () => {
	it('is the folder named after the command, or else the sample, which the command then names', () => {
		const dir = report('named', { 'report.yaml': REPORT });
		const named = run('check', {}, [dir]);
		expect(named.status, named.stderr).toBe(0);
		expect(named.stdout).not.toContain('Using the report');
		const sample = run('check', {});
		expect(sample.stdout.split('\n')[0]).toBe(
			'Using the report in content; to use another, name its folder: npm run <command> -- <folder>.',
		);
	});
});
