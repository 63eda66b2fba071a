import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { snapshotSchema } from '../../src/schemas/edition.ts';
import { fixture, run } from '../support/run.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-editions-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the editions fixture, named `report` so that problems read `report/…`. */
function copy(name: string): string {
	const dir = join(work, name, 'report');
	cpSync(fixture('editions-report'), dir, { recursive: true });
	return dir;
}

const inParent = (dir: string) => ({ REPORT_CONTENT: dir, INIT_CWD: dirname(dir) });
const edit = (path: string, from: string, to: string) =>
	writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));

describe('npm run snapshot', () => {
	it('records this edition once, valid against its schema, and never replaces it', () => {
		const dir = copy('snapshot');
		const written = run('snapshot', inParent(dir));
		expect(written.stderr).toBe('');
		expect(written.stdout).toContain('Wrote report/editions/2018-04-01.json: 3 findings as at 2018-04-01.');
		const path = join(dir, 'editions', '2018-04-01.json');
		const snapshot = snapshotSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
		expect(snapshot.findings.map((finding) => [finding.id, finding.status])).toEqual([
			['INV-1', 'completed'],
			['INV-2', 'completed'],
			['INV-4', 'open'],
		]);
		expect(snapshot.figures.completed).toEqual({ label: 'Completed', value: 2 });
		const before = readFileSync(path);
		const again = run('snapshot', inParent(dir));
		expect(again.status).toBe(1);
		expect(again.stderr.trim()).toBe(
			"report/editions/2018-04-01.json already exists; nothing was written. A snapshot records one edition: set the next edition's asAt in report.yaml first.",
		);
		expect(readFileSync(path)).toEqual(before);
	});

	it('leaves drafts out', () => {
		const dir = copy('drafts');
		edit(join(dir, 'findings', 'INV-4.md'), 'status: open', 'status: open\ndraft: true');
		edit(
			join(dir, 'report.yaml'),
			'investigations: { label: Investigations, value: 3,',
			'investigations: { label: Investigations, value: 2,',
		);
		edit(
			join(dir, 'report.yaml'),
			'allegations: { label: Allegations, value: 8,',
			'allegations: { label: Allegations, value: 7,',
		);
		expect(run('snapshot', inParent(dir)).status).toBe(0);
		const snapshot = JSON.parse(readFileSync(join(dir, 'editions', '2018-04-01.json'), 'utf8'));
		expect(snapshot.findings.map((finding: { id: string }) => finding.id)).toEqual(['INV-1', 'INV-2']);
	});
});

describe('npm run check of editions and corrections', () => {
	it('reports snapshots that cannot stand, each once, at their file and line', () => {
		const dir = copy('broken');
		const first = readFileSync(join(dir, 'editions', '2017-03-08.json'), 'utf8');
		writeFileSync(
			join(dir, 'editions', '2019-01-01.json'),
			first.replace('"asAt": "2017-03-08"', '"asAt": "2019-01-01"'),
		);
		writeFileSync(join(dir, 'editions', '2016-01-01.json'), first);
		writeFileSync(join(dir, 'editions', '2015-01-01.json'), '{ "format": "findings-report-edition", "version": 7 }');
		writeFileSync(join(dir, 'editions', '2013-01-01.json'), '{ "title": "Something else" }');
		writeFileSync(join(dir, 'editions', '2012-01-01.json'), first.replace('"title": "Investigation 1"', '"title": 1'));
		writeFileSync(join(dir, 'editions', '2014-01-01.json'), '{ "asAt": "2014-01-01", ');
		edit(join(dir, 'report.yaml'), '    findings: [INV-2]', '    findings: [INV-2, INV-9]');
		const result = run('check', inParent(dir));
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"report/editions/2012-01-01.json:53: findings[0].title: must be text, not the number 1 (an edition snapshot must be as \`npm run snapshot\` wrote it)
			report/editions/2013-01-01.json:1: format: this is not an edition snapshot ("format" is not "findings-report-edition"); keep only the files \`npm run snapshot\` writes in editions/
			report/editions/2014-01-01.json:1: json: Flow map must end with a }; this is not valid JSON: take the file again from \`npm run snapshot\`
			report/editions/2015-01-01.json:1: version: 7 is not a snapshot version this Findings Report reads (it reads 1); update Findings Report, or snapshot the edition again
			report/editions/2016-01-01.json:4: asAt: is 2017-03-08, but the file is named 2016-01-01.json; rename it 2017-03-08.json
			report/editions/2019-01-01.json:4: asAt: 2019-01-01 is not before this edition's asAt (2018-04-01) in report.yaml; a snapshot records an earlier edition: set the new asAt in report.yaml, or remove this file
			report/report.yaml:19: corrections[0].findings[1]: "INV-9" is not the id of any finding; check the spelling (ids are case-sensitive)

			7 problems in 7 files.
			"
		`);
		expect(existsSync(join(dir, 'editions', '2017-03-08.json'))).toBe(true);
	});

	it('takes a correction dated after asAt, and refuses one dated after the day of the build', () => {
		const dir = copy('late');
		edit(join(dir, 'report.yaml'), '  - date: 2018-04-01', '  - date: 2018-05-01');
		const at = (day: string) => ({
			...inParent(dir),
			SOURCE_DATE_EPOCH: String(Date.parse(`${day}T00:00:00Z`) / 1000),
		});
		expect(run('check', at('2018-05-01')).status).toBe(0);
		const result = run('check', at('2018-04-15'));
		expect(result.status).toBe(1);
		expect(result.stderr).toMatchInlineSnapshot(`
			"report/report.yaml:17: corrections[0].date: 2018-05-01 is after today (2018-04-15); a correction is dated the day it is published: check the date, or add the correction on that day

			1 problem in 1 file.
			"
		`);
	});
});
