import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
	checkPagefindIndex,
	closePagefind,
	filesLanded,
	indexRecords,
	writePagefindIndex,
} from '../../src/lib/search/pagefind-index.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-pagefind-check-'));
afterAll(async () => {
	await closePagefind();
	rmSync(work, { recursive: true, force: true });
});

const record: SearchRecord = {
	url: 'findings/A-1/',
	title: 'A-1',
	content: 'Records were shared late between the agencies.',
	meta: { title: 'A-1' },
	filters: { status: ['open'] },
	sort: {},
};

/** A real index of one record, written into a folder of its own. */
async function written(name: string): Promise<string> {
	const folder = join(work, name);
	await writePagefindIndex(await indexRecords([record], 'en'), folder);
	return folder;
}

describe('the check of a written search index', () => {
	it('passes a whole index', async () => {
		const folder = await written('whole');
		expect(() => checkPagefindIndex(folder)).not.toThrow();
	});

	it('fails the build, naming the file, when the metadata the entry names is missing or the entry is damaged', async () => {
		const folder = await written('broken');
		const meta = readdirSync(folder).find((file) => file.endsWith('.pf_meta'))!;
		rmSync(join(folder, meta));
		expect(() => checkPagefindIndex(folder)).toThrow(
			`search index: ${meta} is missing in the index Pagefind wrote; build again`,
		);
		writeFileSync(join(folder, 'pagefind-entry.json'), '{"version":');
		expect(() => checkPagefindIndex(folder)).toThrow(
			'search index: pagefind-entry.json is missing or damaged in the index Pagefind wrote; build again',
		);
	});

	it('waits for a file written after Pagefind answered, and fails when one never is', async () => {
		const folder = join(work, 'landing');
		mkdirSync(folder);
		writeFileSync(join(folder, 'pagefind-entry.json'), '');
		let landed = false;
		const waiting = filesLanded(folder, 5000).then(() => (landed = true));
		await new Promise((resolve) => setTimeout(resolve, 200));
		expect(landed).toBe(false);
		writeFileSync(join(folder, 'pagefind-entry.json'), '{"version":"1.5.2","languages":{}}');
		await waiting;
		writeFileSync(join(folder, 'empty.pf_meta'), '');
		await expect(filesLanded(folder, 200)).rejects.toThrow(
			`search index: writing the index failed: its files in ${folder} did not finish being written`,
		);
	});
});
