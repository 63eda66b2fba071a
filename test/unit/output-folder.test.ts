import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planLeftovers } from '../../src/lib/build/leftovers.ts';
import { MARKER, hasMarker, isPreviousBuild, markerLine, writeMarker } from '../../src/lib/build/marker.ts';
import {
	judgeOutput,
	outputState,
	suggestion,
	type OutputFacts,
	type OutputState,
} from '../../src/lib/build/output-folder.ts';
import { isInside, realPath } from '../../src/lib/build/paths.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-output-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PROJECT = '/home/ann/findings-report';
const REPORT = '/home/ann/reports/audit';

/** Facts for paths without symlinks: each real path is the path itself. */
function facts(out: string, state: OutputState = { kind: 'missing' }, report = REPORT, named = true): OutputFacts {
	return { named, out, realOut: out, report, realReport: report, project: PROJECT, realProject: PROJECT, state };
}
const judge = (f: OutputFacts) => judgeOutput(f, (path) => path);

describe('which output folder a build accepts', () => {
	it('refuses the report folder, a folder around it, and one inside it', () => {
		expect(judge(facts(REPORT))).toBe(
			'REPORT_OUT is the report folder itself (/home/ann/reports/audit); building there would replace your report. Point REPORT_OUT at a new folder, e.g. REPORT_OUT=/home/ann/reports/audit-site.',
		);
		expect(judge(facts('/home/ann/reports', { kind: 'other' }))).toBe(
			'REPORT_OUT (/home/ann/reports) contains the report folder (/home/ann/reports/audit); building there would replace your report and everything beside it. Point REPORT_OUT at a new folder, e.g. REPORT_OUT=/home/ann/reports/audit-site.',
		);
		expect(judge(facts('/home/ann/reports/audit/site'))).toBe(
			'REPORT_OUT (/home/ann/reports/audit/site) lies inside the report folder (/home/ann/reports/audit); building there would mix the site into your report. Point REPORT_OUT at a folder outside it, e.g. REPORT_OUT=/home/ann/reports/audit-site.',
		);
	});

	it('refuses the project, a folder around it, and its own folders, but takes dist and dist-<name> inside it', () => {
		expect(judge(facts(PROJECT, { kind: 'other' }))).toMatch(
			/^REPORT_OUT is the project folder itself \(\/home\/ann\/findings-report\); building there would replace this installation/,
		);
		expect(judge(facts('/home/ann', { kind: 'other' }))).toMatch(
			/^REPORT_OUT \(\/home\/ann\) contains the project folder \(\/home\/ann\/findings-report\)/,
		);
		expect(judge(facts('/', { kind: 'other' }))).toMatch(/contains the project folder/);
		for (const inside of ['src', 'node_modules/x', '.git', 'content', 'test/out', 'distribution', 'dist.previous-12'])
			expect(judge(facts(join(PROJECT, inside))), inside).toMatch(
				/lies inside the project folder \(\/home\/ann\/findings-report\), where a site may go only in dist or dist-<name>;/,
			);
		for (const site of ['dist', 'dist-fr', 'dist-2025/web', 'dist/nested'])
			expect(judge(facts(join(PROJECT, site))), site).toBeUndefined();
	});

	it('takes a missing folder, an empty one and an earlier build; refuses a file and any other folder with files', () => {
		const out = '/srv/www/audit';
		for (const kind of ['missing', 'empty', 'build'] as const) expect(judge(facts(out, { kind }))).toBeUndefined();
		expect(judge(facts(out, { kind: 'not-folder' }))).toBe(
			'REPORT_OUT (/srv/www/audit) is a file, not a folder; building there would replace it. Point REPORT_OUT at a new folder, e.g. REPORT_OUT=/home/ann/reports/audit-site.',
		);
		expect(judge(facts(out, { kind: 'blocked', by: '/srv/www' }))).toBe(
			'REPORT_OUT (/srv/www/audit) cannot be made: /srv/www is a file, not a folder. Point REPORT_OUT at a new folder, e.g. REPORT_OUT=/home/ann/reports/audit-site.',
		);
		expect(judge(facts(out, { kind: 'other' }))).toBe(
			`REPORT_OUT (/srv/www/audit) is a folder with other files in it, not a site built by Findings Report (it has no ${MARKER} file); building there would replace them. Point REPORT_OUT at a new or empty folder, e.g. REPORT_OUT=/home/ann/reports/audit-site, or empty this one yourself if nothing in it is needed.`,
		);
	});

	it('names the default folder as such, and a symlink with the folder it leads to', () => {
		expect(judge(facts(join(PROJECT, 'dist'), { kind: 'other' }, join(PROJECT, 'content'), false))).toMatch(
			/^The output folder \(\/home\/ann\/findings-report\/dist\) is a folder with other files in it.* e\.g\. REPORT_OUT=\/home\/ann\/findings-report\/dist-content,/,
		);
		const linked = { ...facts('/tmp/site'), realOut: REPORT };
		expect(judge(linked)).toMatch(
			/^REPORT_OUT is the report folder itself \(\/tmp\/site, which leads to \/home\/ann\/reports\/audit\);/,
		);
	});

	it('suggests a folder other than the refused one', () => {
		expect(suggestion(facts('/x'))).toBe('/home/ann/reports/audit-site');
		expect(suggestion(facts('/home/ann/reports/audit-site'))).toBe('/home/ann/reports/audit-site-new');
		expect(suggestion(facts('/x', undefined, join(PROJECT, 'content')))).toBe(join(PROJECT, 'dist'));
	});

	it('compares real paths: a symlink to a folder is that folder, a missing tail is kept as written', () => {
		mkdirSync(join(work, 'real', 'report'), { recursive: true });
		symlinkSync(join(work, 'real'), join(work, 'link'));
		expect(realPath(join(work, 'link', 'report'))).toBe(realPath(join(work, 'real', 'report')));
		expect(realPath(join(work, 'link', 'not', 'yet'))).toBe(join(realPath(join(work, 'real')), 'not', 'yet'));
		expect(isInside('/a/b', '/a')).toBe(true);
		expect(isInside('/a', '/a')).toBe(false);
		expect(isInside('/a/..b', '/a')).toBe(true);
		expect(isInside('/ab', '/a')).toBe(false);
	});
});

describe('what is at the output path', () => {
	it('tells a missing, empty, marked, earlier-version and other folder, a file, and a file in the way', () => {
		const at = (name: string) => join(work, 'state', name);
		mkdirSync(at('empty'), { recursive: true });
		mkdirSync(at('marked'));
		writeMarker(at('marked'), '1.2.3', 'b-2');
		mkdirSync(at('legacy'));
		writeFileSync(
			join(at('legacy'), 'sw.js'),
			'// Generated by npm run build: edition 0123456789abcdef.\nconst CACHE = 1;\n',
		);
		mkdirSync(at('other'));
		writeFileSync(join(at('other'), 'keep.txt'), 'mine');
		mkdirSync(at('fake'));
		writeFileSync(join(at('fake'), MARKER), 'anyone can make an empty file\n');
		writeFileSync(at('file'), 'a file');
		symlinkSync(at('gone'), at('dangling'));
		expect(outputState(at('missing/deeper'))).toEqual({ kind: 'missing' });
		expect(outputState(at('empty'))).toEqual({ kind: 'empty' });
		expect(outputState(at('marked'))).toEqual({ kind: 'build' });
		expect(outputState(at('legacy'))).toEqual({ kind: 'build' });
		expect(outputState(at('other'))).toEqual({ kind: 'other' });
		expect(outputState(at('fake'))).toEqual({ kind: 'other' });
		expect(outputState(at('file'))).toEqual({ kind: 'not-folder' });
		expect(outputState(at('dangling'))).toEqual({ kind: 'not-folder' });
		expect(outputState(at('file/site'))).toEqual({
			kind: 'blocked',
			by: at('file'),
		});
	});

	it('writes a marker of one JSON line that a later build recognises', () => {
		expect(markerLine('0.1.0', 'b-1', new Date('2025-06-30T12:00:00Z'))).toBe(
			'{"tool":"findings-report","version":"0.1.0","build":"b-1","builtAt":"2025-06-30T12:00:00.000Z"}\n',
		);
		const dir = join(work, 'marker');
		mkdirSync(dir);
		expect(isPreviousBuild(dir)).toBe(false);
		writeMarker(dir, '0.1.0', 'b-1');
		expect(hasMarker(dir)).toBe(true);
	});
});

describe('the leftovers of builds that died', () => {
	const OUT = '/srv/www/site';
	const CACHE = '/p/node_modules/.cache/findings-report';
	const dead = new Set([101, 102, 103, 104, 105]);
	const plan = (outExists: boolean, names: [string, number][], cacheEntries: string[] = []) =>
		planLeftovers({
			out: OUT,
			outExists,
			siblings: names.map(([name, changed]) => ({ name, changed })),
			cacheRoot: CACHE,
			cacheEntries,
			alive: (pid) => !dead.has(pid),
		});

	it('puts back the latest previous site when the output is missing, and deletes the rest of the dead', () => {
		expect(
			plan(false, [
				['site.previous-101', 1],
				['site.previous-102', 5],
				['site.incoming-102', 6],
				['site.deleting-103', 2],
			]),
		).toEqual({
			restore: '/srv/www/site.previous-102',
			remove: ['/srv/www/site.previous-101', '/srv/www/site.incoming-102', '/srv/www/site.deleting-103'],
		});
	});

	it('deletes a previous site whose deleter died when the output is there', () => {
		expect(plan(true, [['site.previous-101', 1]])).toEqual({
			restore: undefined,
			remove: ['/srv/www/site.previous-101'],
		});
	});

	it('leaves what live processes are using, and every folder it did not name', () => {
		const names: [string, number][] = [
			['site.previous-200', 1],
			['site.incoming-200', 1],
			['site.deleting-200', 1],
			['site.backup', 1],
			['site.previous-101.bak', 1],
			['site.previous-', 1],
			['site.old.previous-101', 1],
			['site2.previous-101', 1],
		];
		expect(plan(false, names)).toEqual({ restore: undefined, remove: [] });
	});

	it('deletes the staging, cache and search index folders of dead builds only', () => {
		const names = ['build-101', 'cache-104', 'search-105', 'build-200', 'cache-200', 'search-200', 'render', 'pages'];
		expect(plan(true, [], [...names, 'build.lock', 'build-lock', 'build-x1'])).toEqual({
			restore: undefined,
			remove: [join(CACHE, 'build-101'), join(CACHE, 'cache-104'), join(CACHE, 'search-105')],
		});
	});
});
