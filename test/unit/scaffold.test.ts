import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { scaffold, scaffoldReport } from '../../src/lib/content/scaffold.ts';
import { fixture, run } from '../support/run.ts';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'findings-new-'));
	cpSync(fixture('second-report'), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date(2025, 5, 30);

describe('new', () => {
	it('writes a finding as a draft that passes the check', async () => {
		const result = scaffold(dir, 'finding', 'Leadership & culture (2017)', NOW);
		expect(result).toEqual({ ok: true, path: join(dir, 'findings', 'leadership-and-culture-2017.md') });
		expect((await loadReport(dir)).problems.map(formatProblem)).toEqual([]);
	});

	it.each(['theme', 'page'] as const)(
		'writes a %s whose template text the check refuses until it is replaced',
		async (kind) => {
			const result = scaffold(dir, kind, 'Leadership & culture (2017)', NOW);
			const folder = { theme: 'themes', page: 'pages' }[kind];
			const path = join(dir, folder, 'leadership-and-culture-2017.md');
			expect(result).toEqual({ ok: true, path });
			const own = kind === 'theme' ? "the theme's own" : "the chapter's own";
			const expected = [
				...(kind === 'theme'
					? [
							`${path}:3: summary: is still the template's ("One sentence that says what this theme covers."); write ${own}`,
							`${path}:6: body: still holds the template's text ("Write the narrative of this theme here: what the findings on it have in common, and what it means."); write ${own}`,
						]
					: [`${path}:5: body: still holds the template's text ("Write this chapter here."); write ${own}`]),
			];
			expect((await loadReport(dir)).problems.map(formatProblem)).toEqual(expected);
		},
	);

	it('refuses a finding published with its template text, at the lines to rewrite', async () => {
		const result = scaffold(dir, 'finding', 'Catering', NOW);
		if (!result.ok) throw new Error(result.message);
		writeFileSync(result.path, readFileSync(result.path, 'utf8').replace('draft: true\n', ''));
		expect((await loadReport(dir)).problems.map(formatProblem).filter((line) => line.startsWith(result.path))).toEqual([
			`${result.path}:3: summary: is still the template's ("One or two sentences on what was found (at most 300 characters)."); write the finding's own, or put draft: true back until it is written`,
			`${result.path}:10: body: still holds the template's text ("Write the finding here: what was examined, what was found, and why."); write the finding's own, or put draft: true back until it is written`,
		]);
	});

	it('starts a report folder that passes the check, and never writes into one that holds files', async () => {
		const folder = join(dir, 'new-report');
		expect(scaffoldReport(folder, 'Follow-up audit of school transport contracts', NOW)).toEqual({
			ok: true,
			path: folder,
		});
		const content = await loadReport(folder);
		expect(content.problems.map(formatProblem)).toEqual([]);
		expect(content.report?.data.title).toBe('Follow-up audit of school transport contracts');
		expect([content.themes.length, content.pages.length, content.findings.length]).toEqual([1, 1, 1]);
		expect(content.findings[0]!.data.draft).toBe(true);
		expect(scaffoldReport(dir, 'Another', NOW)).toEqual({
			ok: false,
			message: `${dir} already holds files; nothing was written. Name a new folder for the report`,
		});
	});

	it('makes a new finding an open draft dated today, so that no reconciled figure changes', () => {
		const result = scaffold(dir, 'finding', 'Catering: "best value"?', NOW);
		if (!result.ok) throw new Error(result.message);
		const text = readFileSync(result.path, 'utf8');
		expect(text).toContain('title: \'Catering: "best value"?\'');
		expect(text).toContain('status: open\nopened: 2025-06-30');
		expect(text).toContain('draft: true');
	});

	it('never overwrites a file, and says what to do instead', () => {
		const first = scaffold(dir, 'theme', 'Value for money', NOW);
		expect(first).toEqual({
			ok: false,
			message: `${join(dir, 'themes/value-for-money.md')} already exists; nothing was written. Choose another title, or edit that file`,
		});
		expect(readFileSync(join(dir, 'themes/value-for-money.md'), 'utf8')).toContain('Narrative about value for money.');
	});

	it('refuses a finding whose file name a finding in a sub-folder already has, whatever its case', () => {
		expect(scaffold(dir, 'finding', 'Office supplies', NOW)).toEqual({
			ok: false,
			message: `${join(dir, 'findings/2024/office-supplies.md')} already has the id "office-supplies"; nothing was written. Choose another title, or edit that file`,
		});
		expect(scaffold(dir, 'finding', 'pa 1', NOW)).toMatchObject({ ok: false });
	});

	it('refuses a title with nothing to name a file after', () => {
		expect(scaffold(dir, 'page', '???', NOW)).toEqual({
			ok: false,
			message: '"???" gives no file name; use a title with at least one letter or digit',
		});
	});

	it('prints the path it wrote, and usage when the words are off', () => {
		const written = run('new', { REPORT_CONTENT: dir }, ['finding', 'Consultancy', 'spend']);
		expect(written.status).toBe(0);
		expect(written.stdout).toContain(`Wrote ${join(dir, 'findings/consultancy-spend.md')}`);
		const again = run('new', { REPORT_CONTENT: dir }, ['finding', 'Consultancy spend']);
		expect(again.status).toBe(1);
		expect(again.stderr).toContain('nothing was written');
		const usage = run('new', { REPORT_CONTENT: dir }, ['chapter', 'X']);
		expect(usage).toMatchObject({
			status: 1,
			stderr:
				'usage: npm run new -- report <folder> ["Title"]\n       npm run new -- <finding|theme|page> "Title" [--report <folder>]\n       npm run new -- strings <language> [--report <folder>]\n',
		});
	});
});
