import { createHash } from 'node:crypto';
import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	statSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { CACHE_ROOT } from '../../src/lib/content/current.ts';
import { fixture, ROOT, run } from '../support/run.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-output-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const report = join(work, 'reports', 'audit');
cpSync(fixture('minimal-report'), report, { recursive: true });
const PROJECT = resolve(ROOT);
const MARKER = '.findings-report-build';

/** Every folder and file below `dir`, each file with a hash of its bytes and its modification time. */
function snapshot(dir: string): Record<string, string> {
	const entries: Record<string, string> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		const path = join(entry.parentPath, entry.name);
		const hash = () => createHash('sha256').update(readFileSync(path)).digest('hex');
		entries[path.slice(dir.length)] = entry.isFile()
			? `${hash()} ${statSync(path).mtimeMs}`
			: entry.isDirectory()
				? 'folder'
				: 'other';
	}
	return entries;
}

/** Process ids that no process has now: the names a dead build would have left. */
function deadPids(count: number): number[] {
	const pids: number[] = [];
	for (let pid = 999_999; pids.length < count; pid--) {
		try {
			process.kill(pid, 0);
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ESRCH') pids.push(pid);
		}
	}
	return pids;
}

const build = (out: string, content = report) => run('build', { REPORT_CONTENT: content, REPORT_OUT: out });
const instead = `e.g. REPORT_OUT=${join(work, 'reports', 'audit-site')}`;

describe('an output folder that a build would destroy is refused before anything is read or written', () => {
	function refused(out: string, message: string, watch = work) {
		const before = snapshot(watch);
		const result = build(out);
		expect(result.stderr).toBe(`${message}\n`);
		expect(result.stdout).toBe('');
		expect(result.status).toBe(1);
		expect(snapshot(watch)).toEqual(before);
	}

	it('the report folder, a folder around it, one inside it, and a symlink to it', () => {
		refused(
			report,
			`REPORT_OUT is the report folder itself (${report}); building there would replace your report. Point REPORT_OUT at a new folder, ${instead}.`,
		);
		refused(
			dirname(report),
			`REPORT_OUT (${dirname(report)}) contains the report folder (${report}); building there would replace your report and everything beside it. Point REPORT_OUT at a new folder, ${instead}.`,
		);
		refused(
			join(report, 'site'),
			`REPORT_OUT (${join(report, 'site')}) lies inside the report folder (${report}); building there would mix the site into your report. Point REPORT_OUT at a folder outside it, ${instead}.`,
		);
		const link = join(work, 'link');
		symlinkSync(report, link);
		refused(
			link,
			`REPORT_OUT is the report folder itself (${link}, which leads to ${report}); building there would replace your report. Point REPORT_OUT at a new folder, ${instead}.`,
		);
		rmSync(link);
	});

	it('the project, typed as `.` from its root, and its own folders', () => {
		const besides = () => readdirSync(dirname(PROJECT)).filter((name) => name.startsWith(`${basename(PROJECT)}.`));
		const manifest = readFileSync(join(PROJECT, 'package.json'));
		const around = besides();
		refused(
			'.',
			`REPORT_OUT is the project folder itself (${PROJECT}); building there would replace this installation of Findings Report. Point REPORT_OUT at a new folder, ${instead}.`,
		);
		expect(readFileSync(join(PROJECT, 'package.json')).equals(manifest)).toBe(true);
		expect(besides()).toEqual(around);
		for (const inside of ['node_modules/findings-output-test', 'src/findings-output-test']) {
			refused(
				inside,
				`REPORT_OUT (${inside}) lies inside the project folder (${PROJECT}), where a site may go only in dist or dist-<name>; building there would replace the project's own files. Point REPORT_OUT at one of those or at a folder outside the project, ${instead}.`,
			);
			expect(existsSync(join(PROJECT, inside))).toBe(false);
		}
	});

	it('a folder with files of its own, and a file', () => {
		const mine = join(work, 'mine');
		mkdirSync(mine);
		writeFileSync(join(mine, 'keep.txt'), 'Notes I need.\n');
		refused(
			mine,
			`REPORT_OUT (${mine}) is a folder with other files in it, not a site built by Findings Report (it has no ${MARKER} file); building there would replace them. Point REPORT_OUT at a new or empty folder, ${instead}, or empty this one yourself if nothing in it is needed.`,
		);
		expect(readFileSync(join(mine, 'keep.txt'), 'utf8')).toBe('Notes I need.\n');
		const file = join(work, 'notes.txt');
		writeFileSync(file, 'Not a folder.\n');
		refused(
			file,
			`REPORT_OUT (${file}) is a file, not a folder; building there would replace it. Point REPORT_OUT at a new folder, ${instead}.`,
		);
	});
});

describe('a build marks its site, and puts back a previous site that a stopped build left aside', () => {
	const sites = join(work, 'sites', 'new');
	const out = join(sites, 'site');
	const [stopped, stoppedAgain, incoming, deleter] = deadPids(4) as [number, number, number, number];
	const marker = () =>
		JSON.parse(readFileSync(join(out, MARKER), 'utf8')) as { tool: string; version: string; builtAt: string };

	it('makes the missing folders, and marks the site where neither the service worker nor the offline edition lists it', () => {
		const result = build(out);
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(marker()).toEqual({
			tool: 'findings-report',
			version: expect.any(String),
			build: expect.stringMatching(/^[0-9a-f-]{36}$/),
			builtAt: expect.any(String),
		});
		expect(readFileSync(join(out, 'sw.js'), 'utf8')).not.toContain(MARKER);
		const [zip] = readdirSync(join(out, 'data')).filter((file) => file.endsWith('-offline.zip'));
		expect(
			Object.keys(unzipSync(readFileSync(join(out, 'data', zip!)))).filter((name) => name.includes(MARKER)),
		).toEqual([]);
	}, 120_000);

	it('puts the previous site back even when the build then stops at the check', () => {
		const before = snapshot(out);
		renameSync(out, `${out}.previous-${stopped}`);
		const result = build(out, fixture('broken-content'));
		expect(result.stdout).toContain(
			`Restored the previous site at ${out} from ${out}.previous-${stopped}: a build was stopped while replacing it.\n`,
		);
		expect(result.stderr).toContain(`Build stopped before it started; ${out} was left as it was.`);
		expect(result.status).toBe(1);
		expect(snapshot(out)).toEqual(before);
		expect(readdirSync(sites)).toEqual(['site']);
	});

	it('puts it back, deletes what dead builds left and nothing else, then replaces it', async () => {
		const first = marker().builtAt;
		renameSync(out, `${out}.previous-${stoppedAgain}`);
		mkdirSync(join(`${out}.incoming-${incoming}`, 'findings'), { recursive: true });
		mkdirSync(`${out}.deleting-${deleter}`);
		mkdirSync(join(CACHE_ROOT, `build-${incoming}`), { recursive: true });
		mkdirSync(join(CACHE_ROOT, `cache-${incoming}`), { recursive: true });
		// Not a build's: another name, or the id of a process that is running (this one).
		mkdirSync(`${out}.backup`);
		writeFileSync(join(`${out}.backup`, 'keep.txt'), 'mine');
		mkdirSync(`${out}.previous-${process.pid}`);
		const result = build(out);
		expect(result.stderr).toBe('');
		expect(result.stdout).toContain(
			`Restored the previous site at ${out} from ${out}.previous-${stoppedAgain}: a build was stopped while replacing it.\n`,
		);
		expect(result.status).toBe(0);
		expect(marker().builtAt > first).toBe(true);
		expect(existsSync(join(CACHE_ROOT, `build-${incoming}`))).toBe(false);
		expect(existsSync(join(CACHE_ROOT, `cache-${incoming}`))).toBe(false);
		// The site it replaced goes in a background process, after the command.
		await expect
			.poll(() => readdirSync(sites).sort(), { timeout: 15_000 })
			.toEqual(['site', 'site.backup', `site.previous-${process.pid}`]);
		expect(readFileSync(join(`${out}.backup`, 'keep.txt'), 'utf8')).toBe('mine');
	}, 120_000);
});
