import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/problems.ts';
import { scaffold } from '../../src/lib/content/scaffold.ts';
import { fixture, run } from '../support/run.ts';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'findings-new-'));
	cpSync(fixture('second-report'), dir, { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = new Date(2025, 5, 30);

describe('new', () => {
	it.each(['finding', 'theme', 'page'] as const)('writes a %s from a template that passes the check', async (kind) => {
		const result = scaffold(dir, kind, 'Leadership & culture (2017)', NOW);
		const folder = { finding: 'findings', theme: 'themes', page: 'pages' }[kind];
		expect(result).toEqual({ ok: true, path: join(dir, folder, 'leadership-and-culture-2017.md') });
		expect((await loadReport(dir)).problems.map(formatProblem)).toEqual([]);
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
		expect(usage).toMatchObject({ status: 1, stderr: 'usage: npm run new -- <finding|theme|page> "Title"\n' });
	});
});
