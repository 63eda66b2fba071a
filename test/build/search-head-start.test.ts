import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { keepSearchRecords, startSearchHeadStart, finishSearchIndex } from '../../src/lib/build/search-head-start.ts';
import { loadReport } from '../../src/lib/content/load.ts';
import { closePagefind, writePagefindIndex } from '../../src/lib/search/pagefind-index.ts';
import { searchRecords } from '../../src/lib/search/records.ts';
import { fixture } from '../support/run.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-head-start-'));
const dir = join(work, 'report');
const cache = join(work, 'cache');
cpSync(fixture('second-report'), dir, { recursive: true });
afterAll(async () => {
	await closePagefind();
	rmSync(work, { recursive: true, force: true });
});

/** What the written index holds for each page, as Pagefind's fragment of it (its words, filters and metadata). */
function indexed(folder: string): Map<string, string> {
	const fragments = join(folder, 'fragment');
	return new Map(
		readdirSync(fragments).map((file) => {
			const text = gunzipSync(readFileSync(join(fragments, file)))
				.toString()
				.replace(/^pagefind_dcd/, '');
			return [(JSON.parse(text) as { url: string }).url, text];
		}),
	);
}

/** Indexes the report as a build would, starting from what the last build kept, and gives what the index holds. */
async function rebuildIndex(name: string) {
	const headStart = startSearchHeadStart(cache, dir);
	const content = await loadReport(dir);
	const records = searchRecords(content);
	const index = await finishSearchIndex(records, 'en', headStart);
	await writePagefindIndex(index, join(work, name));
	keepSearchRecords(cache, content);
	return { headStart, held: indexed(join(work, name)), urls: records.map((record) => `/${record.url}`).sort() };
}

function edit(file: string, from: string, to: string) {
	const path = join(dir, file);
	writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
}

describe('the search index’s head start', () => {
	it('indexes every record once, whether started from the last build’s records or not', async () => {
		const first = await rebuildIndex('first');
		expect(first.headStart).toBeUndefined();
		expect([...first.held.keys()].sort()).toEqual(first.urls);
		const second = await rebuildIndex('second');
		expect(second.headStart?.sent.size).toBe(first.urls.length);
		expect(second.held).toEqual(first.held);
	});

	it('leaves out the records of files changed since, and adds them as they are now', async () => {
		edit(
			'findings/2025/PA-3.md',
			'Fieldwork on consultancy',
			'Changed for the head start test, fieldwork on consultancy',
		);
		const { headStart, held, urls } = await rebuildIndex('changed');
		expect(headStart?.sent.has('findings/PA-3/')).toBe(false);
		expect(headStart?.sent.size).toBe(urls.length - 1);
		expect([...held.keys()].sort()).toEqual(urls);
		expect(held.get('/findings/PA-3/')).toContain('Changed for the head start test');
	});

	it('starts again when a record of an unchanged file is not what it was (a theme renamed)', async () => {
		edit('themes/value-for-money.md', 'title: Value for money', 'title: Worth what it cost');
		// The finding files are unchanged, so their old records, which name the old title, are sent ahead.
		const { headStart, held, urls } = await rebuildIndex('renamed');
		expect(headStart?.sent.has('findings/PA-2/')).toBe(true);
		expect([...held.keys()].sort()).toEqual(urls);
		expect(held.get('/findings/PA-2/')).toContain('Worth what it cost');
		expect([...held.values()].join('\n')).not.toContain('Value for money');
	});
});
