import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_INDEX } from '../../src/lib/search/api.ts';
import { openOfflineIndex } from '../../src/lib/search/offline-index.ts';
import { partLoader } from '../support/offline-parts.ts';
import { fixture, run, runAsync } from '../support/run.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-build-'));
const out = join(work, 'site');

/** Every file below a folder with a hash of its bytes and its modification time: "exactly as it was". */
function snapshot(dir: string): Record<string, string> {
	const files: Record<string, string> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		files[path.slice(dir.length)] =
			`${createHash('sha256').update(readFileSync(path)).digest('hex')} ${statSync(path).mtimeMs}`;
	}
	return files;
}

const html = (path: string) => readFileSync(join(out, path, 'index.html'), 'utf8');

describe('npm run build of a second report, through REPORT_CONTENT and REPORT_OUT', () => {
	beforeAll(() => {
		const result = run('build', { REPORT_CONTENT: fixture('second-report'), REPORT_OUT: out });
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});
	afterAll(() => rmSync(work, { recursive: true, force: true }));

	it('writes a page per finding at its id as written, from sub-folders, and one per theme and chapter', () => {
		for (const path of [
			'',
			'findings',
			'findings/PA-1',
			'findings/PA-2',
			'findings/PA-3',
			'themes/value-for-money',
			'themes/contract-management',
			'scope',
		])
			expect(existsSync(join(out, path, 'index.html')), path).toBe(true);
		expect(html('findings/PA-2')).toContain('data-finding-id="PA-2"');
	});

	it('reads a file with a byte-order mark and CRLF line endings', () => {
		expect(html('findings/PA-2')).toContain('Written on Windows with a byte-order mark and CRLF line endings.');
	});

	it('leaves a draft out of every page', () => {
		expect(existsSync(join(out, 'findings/PA-4-draft'))).toBe(false);
		const everything = readdirSync(out, { recursive: true })
			.map((path) => join(out, String(path)))
			.filter((path) => statSync(path).isFile())
			.map((path) => readFileSync(path, 'utf8'))
			.join('\n');
		expect(everything).not.toContain('zanzibarquux');
		expect(everything).not.toContain('Draft finding on catering');
		expect(html('findings')).toContain('Showing 1 to 3 of all 3 findings.');
		expect(html('themes/value-for-money')).toContain('2 findings on Value for money');
	});

	it('shows the declared figures in the report’s language, and links under the site’s base path', () => {
		const overview = html('');
		expect(overview).toMatch(
			/Spend reviewed<\/dt>\s*<dd><a href="\/procurement-2025\/findings\/\?sort=spend&amp;dir=desc" aria-label="1,250,000, Spend reviewed: see these findings">1,250,000<\/a>/,
		);
		expect(overview).toContain('June 30, 2025');
		expect(overview).toContain('href="/procurement-2025/findings/"');
		expect(overview).toContain('<html lang="en-US"');
	});

	it('writes the numbers and charts that directives stand for, counting no draft', () => {
		const scope = html('scope');
		expect(scope).toContain(
			'This audit covered 3 procurement exercises, 2 of them reported, and reviewed 1,250,000 dollars of spend.',
		);
		expect(scope).toContain('Contracts sampled on value for money: 12. Exercises opened in 2024: 2.');
		expect(scope).toMatch(
			/<figure class="chart" data-chart="spend-by-theme">[\s\S]*<th scope="row">Contract management<\/th><td class="num">1,000,000<\/td>/,
		);
		expect(scope).toContain(
			'href="data:text/csv;charset=utf-8,%EF%BB%BFTheme%2CSpend%20reviewed%20(USD)%0D%0AContract%20management%2C1000000',
		);
		expect(scope).toMatch(/<script type="module" src="[^"]+"/);
		expect(html('findings/PA-1')).toContain('It is one of 1 findings on contract management.');
	});

	it('marks a recommendation past its due date as at the report’s date as overdue', () => {
		const page = html('recommendations');
		expect(page).toContain('1 recommendation to 1 recipient. 1 recommendation is overdue');
		expect(page).toContain('March 31, 2025 <span class="overdue">Overdue</span>');
		expect(html('findings/PA-1')).toContain('<span class="overdue">Overdue</span>');
		expect(readFileSync(join(out, 'data/recommendations.csv'), 'utf8')).toContain(
			'PA-1,1,Monitor framework prices against the market every quarter.,Council procurement team,made,2025-03-31,true,',
		);
	});

	it('writes an offline edition: the site in one folder, every link relative and naming a file of the zip', () => {
		const zip = 'data/audit-of-council-procurement-offline.zip';
		const entries = unzipSync(readFileSync(join(out, zip)));
		const files = Object.keys(entries).filter((name) => !name.endsWith('/'));
		expect(files.every((name) => name.startsWith('audit-of-council-procurement-offline/'))).toBe(true);
		const inside = new Set(files.map((name) => name.slice('audit-of-council-procurement-offline/'.length)));
		for (const file of [
			'index.html',
			'README.txt',
			'findings/PA-1/index.html',
			'search/index.html',
			'data/findings.csv',
			'_offline/search/index.js',
		])
			expect(inside, file).toContain(file);
		expect([...inside].filter((file) => /^(pagefind\/|sw\.js$|data\/.*\.zip$|_astro\/.*\.js$)/.test(file))).toEqual([]);
		const pages = [...inside].filter((file) => file.endsWith('.html'));
		expect(pages.length).toBeGreaterThan(8);
		const broken: string[] = [];
		for (const page of pages) {
			const text = new TextDecoder().decode(entries[`audit-of-council-procurement-offline/${page}`]);
			expect(text, page).not.toContain('type="module"');
			expect(text, page).not.toMatch(/(href|src|action)="\/procurement-2025\//);
			for (const [, link] of text.matchAll(/\s(?:href|src|action)="([^"#?]+)[^"]*"/g)) {
				if (/^[a-z]+:/.test(link!)) continue;
				const target = posix.normalize(posix.join(posix.dirname(page), link!));
				if (!inside.has(target)) broken.push(`${page}: ${link}`);
			}
		}
		expect(broken).toEqual([]);
		expect(new TextDecoder().decode(entries['audit-of-council-procurement-offline/index.html'])).toContain(
			'<p class="offline-status">Offline edition: these pages are files on this device and work with no connection. It is published at <a href="https://audit.example.org/procurement-2025/">',
		);
		// The hosted site's data page gives the download and its size; the edition leaves out a link to itself.
		expect(html('data')).toContain(
			`<a href="/procurement-2025/${zip}" download>audit-of-council-procurement-offline.zip</a>`,
		);
		expect(html('data')).toMatch(/<span data-offline-size>It is \d+(\.\d)? KB\.<\/span>/);
		expect(new TextDecoder().decode(entries['audit-of-council-procurement-offline/data/index.html'])).not.toContain(
			'offline.zip',
		);
		expect(readFileSync(join(out, 'sw.js'), 'utf8')).not.toContain('.zip');
	});

	it('gives the offline edition the search records of the hosted index, without the draft', async () => {
		const entries = unzipSync(readFileSync(join(out, 'data/audit-of-council-procurement-offline.zip')));
		const folder = `audit-of-council-procurement-offline/${OFFLINE_INDEX}`;
		const index = await openOfflineIndex(
			partLoader((name) => new TextDecoder().decode(entries[`${folder}${name}.js`])),
		);
		expect(index.records.map((record) => record.url).sort()).toEqual([
			'findings/PA-1/',
			'findings/PA-2/',
			'findings/PA-3/',
			'scope/',
			'themes/contract-management/',
			'themes/value-for-money/',
		]);
		expect(index.records.find((record) => record.url === 'findings/PA-1/')!.filters.theme).toEqual([
			'Value for money',
			'Contract management',
		]);
		const scripts = Object.keys(entries).filter((name) => name.startsWith(folder));
		expect(scripts.length).toBeGreaterThan(2);
		for (const name of scripts) expect(new TextDecoder().decode(entries[name]), name).not.toContain('zanzibarquux');
	});

	it('zips the same content to the same bytes', () => {
		const again = join(work, 'again');
		const result = run('build', { REPORT_CONTENT: fixture('second-report'), REPORT_OUT: again });
		expect(result.status, result.stderr).toBe(0);
		const zip = 'data/audit-of-council-procurement-offline.zip';
		expect(readFileSync(join(again, zip)).equals(readFileSync(join(out, zip)))).toBe(true);
		rmSync(again, { recursive: true, force: true });
	});

	it('keeps the previous site exactly as it was when the content has problems', () => {
		const before = snapshot(out);
		const result = run('build', { REPORT_CONTENT: fixture('broken-content'), REPORT_OUT: out });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			'test/fixtures/broken-content/findings/recs.md:9: recommendations[1].to: is required',
		);
		expect(result.stderr).toContain(`Build stopped before it started; ${out} was left as it was.`);
		expect(snapshot(out)).toEqual(before);
	});

	it('stops at a damaged image before Astro starts, with its file and line, and keeps the previous site', () => {
		const before = snapshot(out);
		const result = run('build', { REPORT_CONTENT: fixture('damaged-image'), REPORT_OUT: out });
		expect(result.status).toBe(1);
		expect(result.stderr).toContain(
			'test/fixtures/damaged-image/findings/2025/PA-3.md:10: body: image "../../assets/chart.png" is not a PNG, JPEG, GIF, WebP or AVIF image (judged by its content, not its name); replace it with one',
		);
		expect(result.stderr).not.toMatch(/^\s+at /m);
		expect(result.stderr).toContain(`${out} was left as it was.`);
		expect(snapshot(out)).toEqual(before);
		expect(readdirSync(work)).toEqual(['site']);
	});
});

describe('npm run build of a report with no themes and no chapters', () => {
	it('builds quietly: the optional folders may be absent', () => {
		const site = mkdtempSync(join(tmpdir(), 'findings-minimal-'));
		try {
			const result = run('build', { REPORT_CONTENT: fixture('minimal-report'), REPORT_OUT: join(site, 'out') });
			expect(result.stderr).toBe('');
			expect(result.stdout).toContain(
				'Content is valid. 1 finding file: 1 published, 0 drafts. 0 themes, 0 pages; 0 figures reconcile.',
			);
			expect(readFileSync(join(site, 'out/findings/F-1/index.html'), 'utf8')).toContain('data-finding-id="F-1"');
			expect(readFileSync(join(site, 'out/index.html'), 'utf8')).not.toContain('<h2>Themes</h2>');
		} finally {
			rmSync(site, { recursive: true, force: true });
		}
	});
});

describe('two builds at once', () => {
	it('builds two different reports started at the same time, from one install, taking turns', async () => {
		const site = mkdtempSync(join(tmpdir(), 'findings-parallel-'));
		try {
			const [a, b] = await Promise.all([
				runAsync('build', { REPORT_CONTENT: fixture('second-report'), REPORT_OUT: join(site, 'a') }),
				runAsync('build', { REPORT_CONTENT: fixture('minimal-report'), REPORT_OUT: join(site, 'b') }),
			]);
			expect([a.status, a.stderr, b.status, b.stderr]).toEqual([0, '', 0, '']);
			expect(readFileSync(join(site, 'a/findings/PA-1/index.html'), 'utf8')).toContain('data-finding-id="PA-1"');
			expect(readFileSync(join(site, 'b/findings/F-1/index.html'), 'utf8')).toContain('data-finding-id="F-1"');
			expect(existsSync(join(site, 'a/findings/F-1'))).toBe(false);
		} finally {
			rmSync(site, { recursive: true, force: true });
		}
	});
});
