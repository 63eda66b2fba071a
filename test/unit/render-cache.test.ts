import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/lib/content/load.ts';
import { RenderCache } from '../../src/lib/content/render-cache.ts';
import { fixture } from '../support/run.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-cache-'));
const dir = join(work, 'report');
cpSync(fixture('second-report'), dir, { recursive: true });
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Loads the report with a fresh cache object over the same file, as a new build would. */
async function load() {
	const cache = RenderCache.forReport(join(work, 'cache'), dir);
	const content = await loadReport(dir, { cache });
	return { content, misses: cache.misses };
}

function edit(file: string, from: string, to: string) {
	const path = join(dir, file);
	writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));
}

const scope = async () => (await load()).content.pages.find((page) => page.id === 'scope')!.html;

describe('the render cache', () => {
	it('renders every body once, and none again when nothing changed', async () => {
		const first = await load();
		expect(first.content.problems).toEqual([]);
		expect(first.misses).toBe(7);
		expect((await load()).misses).toBe(0);
	});

	it('renders only the body that changed', async () => {
		edit('findings/2024/office-supplies.md', 'Written on Windows', 'Written on Windows, then edited,');
		expect((await load()).misses).toBe(1);
	});

	it('renders a chapter’s :count again when another finding’s status changes, and only the bodies with directives', async () => {
		expect(await scope()).toContain('2 of them reported');
		edit('findings/2025/PA-3.md', 'status: planned', 'status: completed\noutcome: satisfactory\nclosed: 2025-06-01');
		const { content, misses } = await load();
		expect(content.pages.find((page) => page.id === 'scope')!.html).toContain('3 of them reported');
		// PA-3 itself and the chapter, the one body with a directive; no other finding.
		expect(misses).toBe(2);
	});

	it('keeps a body with a time or a link in it, which holds no directive, when the findings change', async () => {
		edit('findings/2024/office-supplies.md', 'line endings.', 'line endings. Met at 10:30; see https://example.org.');
		expect((await load()).misses).toBe(1);
		edit('findings/2025/PA-3.md', 'closed: 2025-06-01', 'closed: 2025-06-02');
		// PA-3 and the chapter with its :count again, but not the body with colons.
		expect((await load()).misses).toBe(2);
	});
});
