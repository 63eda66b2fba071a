import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeEntriesHere } from '../../src/lib/offline/edition-entries.ts';
import { makeEntriesAhead } from '../../src/lib/offline/entries-ahead.ts';
import { EntryCache } from '../../src/lib/offline/entry-cache.ts';

const dist = mkdtempSync(join(tmpdir(), 'findings-ahead-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** Writes a page as Astro would, a while ago, so that it counts as settled. */
function page(file: string, html: string): void {
	const path = join(dist, file);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, html);
	const past = new Date(Date.now() - 5000);
	utimesSync(path, past, past);
}

const setup = { base: '/', note: '' };
const bytes = (file: string) => readFileSync(join(dist, file));
const isFolderIn = (folders: string[]) => (folder: string) => folders.includes(folder);

describe('entries made ahead of the edition', () => {
	it('are the entries the edition would make, and are used only while the page and its folders are as they were', async () => {
		page('index.html', '<!doctype html><a href="/findings/F-1">F-1</a> <a href="/data/x.csv">x</a>');
		page('findings/F-1/index.html', '<!doctype html><a href="/">Home</a>');
		const cache = new EntryCache(undefined, setup);
		const ahead = makeEntriesAhead(dist, cache, { ...setup, settings: cache.settings });
		const folders = ['findings', 'findings/F-1'];
		const key = (file: string) => cache.key(file, bytes(file));
		await expect.poll(() => cache.get(key('index.html'), isFolderIn(folders)), { timeout: 5000 }).toBeDefined();
		ahead.stop();

		const made = makeEntriesHere(['index.html'], { ...setup, dist, folders, settings: cache.settings })[0]![1];
		expect(cache.get(key('index.html'), isFolderIn(folders))).toEqual(made);
		// The page links to data/x.csv as a file: had data/x.csv been a folder in the end, the entry would be wrong.
		expect(cache.get(key('index.html'), isFolderIn([...folders, 'data/x.csv']))).toBeUndefined();
		// A page written again after it was taken is not the entry's page.
		page('index.html', '<!doctype html><a href="/">Changed</a>');
		expect(cache.get(key('index.html'), isFolderIn(folders))).toBeUndefined();
	});

	it('skips a page read half-written, keeps what the last build left, and goes on with the others', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'findings-ahead-'));
		const write = (file: string, html: string) => {
			writeFileSync(join(folder, file), html);
			const past = new Date(Date.now() - 5000);
			utimesSync(join(folder, file), past, past);
		};
		write('cut.html', '<!doctype html><script type="application/json">{"base": "/"');
		write('kept.html', '<!doctype html><p>Kept</p>');
		write('new.html', '<!doctype html><p>New</p>');
		const cache = new EntryCache(undefined, setup);
		const keyOf = (file: string) => cache.key(file, readFileSync(join(folder, file)));
		const left = { crc: 0, size: 0, stored: new Uint8Array(), folders: [], scripts: [] };
		cache.ahead(keyOf('kept.html'), left);
		const ahead = makeEntriesAhead(folder, cache, { ...setup, settings: cache.settings });
		await expect.poll(() => cache.has(keyOf('new.html')), { timeout: 5000 }).toBe(true);
		ahead.stop();
		expect(cache.has(keyOf('cut.html'))).toBe(false);
		expect(cache.get(keyOf('kept.html'), () => false)).toBe(left);
		rmSync(folder, { recursive: true, force: true });
	});

	it('takes nothing once stopped', async () => {
		const cache = new EntryCache(undefined, setup);
		makeEntriesAhead(dist, cache, { ...setup, settings: cache.settings }).stop();
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(cache.empty).toBe(true);
	});
});
