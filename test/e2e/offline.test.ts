import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run } from '../support/run.ts';
import { buildAndServe, type Site } from '../support/site.ts';
import { storedOffline, chartDrawn } from '../support/waits.ts';

const content = mkdtempSync(join(tmpdir(), 'findings-edition-'));
let site: Site;
beforeAll(async () => {
	cpSync(join(ROOT, 'content'), content, { recursive: true });
	site = await buildAndServe({ REPORT_CONTENT: content });
});
afterAll(async () => {
	await site?.close();
	rmSync(content, { recursive: true, force: true });
});

describe('offline after one visit', () => {
	it('says the report is available offline, then serves pages, charts and search with the network cut', async () => {
		const page = await site.open('/');
		await storedOffline(page);
		await page.context().setOffline(true);

		await page.goto(`${site.origin}/findings/INV-07/`);
		expect(await page.locator('main').getAttribute('data-finding-id')).toBe('INV-07');

		await page.goto(`${site.origin}/`);
		await chartDrawn(page, 'findings-by-status');

		await page.goto(`${site.origin}/findings/?status=completed`);
		await expect.poll(() => page.locator('[data-explorer] tbody tr').count(), { timeout: 15_000 }).toBe(9);

		await page.goto(`${site.origin}/search/?q=archive`);
		await expect
			.poll(() => page.locator('.search-status').innerText(), { timeout: 30_000 })
			.toMatch(/^\d+ results? for “archive”\.$/);
		await page.context().close();
	});

	it('picks up a new edition when one is published, and says so', async () => {
		const page = await site.open('/findings/INV-07/');
		await storedOffline(page);
		const file = join(content, 'findings/2014/INV-07.md');
		writeFileSync(
			file,
			readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: "Investigation 07: second edition"'),
		);
		const rebuilt = run('build', { REPORT_CONTENT: content, REPORT_OUT: site.dist });
		expect(rebuilt.status, rebuilt.stderr).toBe(0);

		await page.reload();
		await expect
			.poll(
				() =>
					page
						.locator('.offline-status')
						.innerText()
						.catch(() => ''),
				{ timeout: 30_000 },
			)
			.toBe('A new edition of this report has been stored: reload the page to read it.');
		await page.reload();
		expect(await page.locator('h1').innerText()).toBe('Investigation 07: second edition');
		expect(await page.evaluate(() => caches.keys())).toHaveLength(1);
		await page.context().close();
	});
});
