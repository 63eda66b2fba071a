import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.ts';
import { buildAndServe, type Site } from '../support/site.ts';

const content = mkdtempSync(join(tmpdir(), 'findings-600-'));
let site: Site;
/** The published findings' ids, in the table's order (the generator makes a few drafts, which have no row). */
let published: string[];

beforeAll(async () => {
	const generated = spawnSync(process.execPath, ['scripts/generate-report.ts', content, '600'], {
		cwd: ROOT,
		encoding: 'utf8',
	});
	expect(generated.status, generated.stderr).toBe(0);
	site = await buildAndServe({ REPORT_CONTENT: content });
	const data = JSON.parse(readFileSync(join(site.dist, 'data/findings.json'), 'utf8')) as {
		findings: { id: string }[];
	};
	published = data.findings.map((finding) => finding.id);
	expect(published.length).toBeGreaterThan(500);
	expect(published.length).toBeLessThan(600);
});
afterAll(async () => {
	await site?.close();
	rmSync(content, { recursive: true, force: true });
});

const ids = (page: Page) => page.locator('[data-explorer] tbody td.id').allInnerTexts();

describe('a report of 600 finding files', () => {
	it('splits the table into static pages without JavaScript', async () => {
		const page = await site.open('/findings/', { javaScriptEnabled: false });
		expect(await ids(page)).toHaveLength(250);
		expect(await page.locator('caption').innerText()).toBe(`Showing 1 to 250 of all ${published.length} findings.`);
		await page
			.getByRole('navigation', { name: 'Pages of findings' })
			.getByRole('link', { name: '3', exact: true })
			.click();
		await page.waitForURL('**/findings/page/3/');
		const last = await ids(page);
		expect(last).toHaveLength(published.length - 500);
		expect(last[0]).toBe(published[500]);
		await page.context().close();
	});

	it('pages through the filtered table in the browser, with the page in the URL', async () => {
		const page = await site.open('/findings/');
		expect(await page.locator('caption').innerText()).toBe(`Showing 1 to 250 of all ${published.length} findings.`);
		await page.getByRole('button', { name: 'Next' }).click();
		expect((await ids(page))[0]).toBe(published[250]);
		expect(page.url()).toMatch(/\/findings\/\?page=2$/);
		await page.getByRole('group', { name: 'Status' }).getByLabel('Completed').check();
		expect(page.url()).not.toContain('page=');
		const completed = Number(
			(await page.locator('caption').innerText()).match(/of ([\d,]+) matching/)![1]!.replace(',', ''),
		);
		expect(completed).toBeGreaterThan(100);
		expect(completed).toBeLessThan(published.length);
		await page.context().close();
	});

	it('opens a static page in the browser at the same rows', async () => {
		const page = await site.open('/findings/page/3/');
		await page.waitForURL('**/findings/?page=3');
		expect((await ids(page))[0]).toBe(published[500]);
		await page.context().close();
	});

	it('lists at most 100 findings on a theme page, and links the table filtered to that theme', async () => {
		const { findings } = JSON.parse(readFileSync(join(site.dist, 'data/findings.json'), 'utf8')) as {
			findings: { themes: string[] }[];
		};
		const counts = Map.groupBy(
			findings.flatMap((finding) => finding.themes),
			(theme) => theme,
		);
		const [theme, members] = [...counts].sort((a, b) => b[1].length - a[1].length)[0]!;
		expect(members.length).toBeGreaterThan(100);
		const page = await site.open(`/themes/${theme}/`);
		expect(await page.locator('tbody td.id').count()).toBe(100);
		await page
			.getByRole('link', {
				name: `All ${members.length} findings on this theme, in the findings table to sort and filter`,
			})
			.click();
		await page.waitForURL(`**/findings/?theme=${theme}`);
		expect(await page.locator('caption').innerText()).toBe(
			`Showing 1 to ${members.length} of ${members.length} matching findings, of ${published.length}.`,
		);
		await page.context().close();
	});
});
