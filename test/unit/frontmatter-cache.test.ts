import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FrontmatterCache } from '../../src/lib/content/frontmatter-cache.ts';
import { loadReport } from '../../src/lib/content/load.ts';
import { fixture } from '../support/run.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-frontmatter-'));
const dir = join(work, 'report');
cpSync(fixture('second-report'), dir, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Loads the report with a fresh cache object over the same file, as a new build would. */
async function load() {
	const frontmatter = FrontmatterCache.forReport(join(work, 'cache'), dir);
	const content = await loadReport(dir, { frontmatter });
	return { content, misses: frontmatter.misses };
}

const printed = (content: Awaited<ReturnType<typeof loadReport>>) =>
	content.problems.map(({ file, line, field, message }) => `${file}:${line}: ${field}: ${message}`);

describe('the frontmatter cache', () => {
	it('parses each file’s frontmatter once, and reads the same content back', async () => {
		const first = await load();
		expect(first.content.problems).toEqual([]);
		// Two themes, four findings (a draft among them) and a chapter.
		expect(first.misses).toBe(7);
		const second = await load();
		expect(second.misses).toBe(0);
		expect(second.content.findings.map((finding) => finding.data)).toEqual(
			first.content.findings.map((finding) => finding.data),
		);
		expect(second.content.findingRecords.map((record) => record.raw)).toEqual(
			first.content.findingRecords.map((record) => record.raw),
		);
	});

	it('reports problems in files it kept at the lines a fresh parse gives', async () => {
		await load();
		// A new finding takes the id that a kept finding writes on its line 2.
		const copy = join(dir, 'findings/2025/copy.md');
		writeFileSync(copy, '---\nid: PA-2\ntitle: Copy\nsummary: A copy.\nstatus: planned\nopened: 2025-05-01\n---\n');
		let cached = await load();
		expect(cached.misses).toBe(1);
		expect(printed(cached.content)).toEqual(printed(await loadReport(dir)));
		expect(printed(cached.content).join('\n')).toMatch(/office-supplies\.md:2: id: "PA-2" is also the id of/);
		// The finding a kept finding names on its line 14 goes.
		rmSync(copy);
		rmSync(join(dir, 'findings/2024/office-supplies.md'));
		cached = await load();
		expect(cached.misses).toBe(0);
		expect(printed(cached.content)).toEqual(printed(await loadReport(dir)));
		expect(printed(cached.content).join('\n')).toMatch(/PA-1\.md:14: related\[0\]: "PA-2" is not the id/);
	});

	it('keeps the values JSON would lose', () => {
		const path = join(work, 'values.v8');
		const yaml = 'nan: .nan\ninfinite: -.inf\nzero: -0\n';
		const cache = new FrontmatterCache(path);
		cache.parse('a.md', yaml);
		cache.save();
		const kept = new FrontmatterCache(path);
		const data = kept.parse('a.md', yaml).data as Record<string, number>;
		expect(kept.misses).toBe(0);
		expect(data.nan).toBeNaN();
		expect(data.infinite).toBe(-Infinity);
		expect(Object.is(data.zero, -0)).toBe(true);
	});
});
