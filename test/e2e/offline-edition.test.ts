import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launch } from '../support/browser.ts';
import { fixture, run } from '../support/run.ts';
import { serve } from '../support/serve.ts';
import { unzipInto } from '../support/unzip.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-offline-edition-'));
let browser: Browser;

/** Builds a report into `<name>-site` and unzips its offline edition, as a reader would: returns the folder it unzips to. */
function unzipEdition(name: string, env: Record<string, string> = {}): string {
	const dist = join(work, `${name}-site`);
	const result = run('build', { ...env, REPORT_OUT: dist });
	expect(result.status, result.stderr).toBe(0);
	const [zip] = readdirSync(join(dist, 'data')).filter((file) => file.endsWith('-offline.zip'));
	const into = join(work, name);
	unzipInto(join(dist, 'data', zip!), into);
	const [folder] = readdirSync(into);
	expect(folder).toBe(zip!.replace(/\.zip$/, ''));
	return join(into, folder!);
}

let sample: string;
let second: string;
beforeAll(async () => {
	sample = unzipEdition('sample');
	second = unzipEdition('second', { REPORT_CONTENT: fixture('second-report') });
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
	rmSync(work, { recursive: true, force: true });
});

/** A page opened from disk, recording every request that is not for a file and every script error. */
async function open(root: string, path: string): Promise<{ page: Page; problems: string[] }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	const problems: string[] = [];
	page.on('request', (request) => {
		if (!request.url().startsWith('file://')) problems.push(`request to ${request.url()}`);
	});
	page.on('requestfailed', (request) => problems.push(`failed: ${request.url()}`));
	page.on('pageerror', (error) => problems.push(`error: ${error.message}`));
	await page.goto(`file://${root}/${path}`);
	return { page, problems };
}

const chartDrawn = (page: Page, name: string) =>
	page
		.locator(`figure[data-chart="${name}"]`)
		.evaluate((figure) => Boolean((figure as HTMLElement & { chart?: unknown }).chart));
const status = (page: Page) => page.locator('.search-status').innerText();

describe('the offline edition, unzipped and opened from disk', () => {
	it('navigates between pages, draws charts and filters the findings table', async () => {
		const { page, problems } = await open(sample, 'index.html');
		await expect.poll(() => chartDrawn(page, 'findings-by-status'), { timeout: 15_000 }).toBe(true);
		expect(await page.locator('footer .offline-status').innerText()).toBe(
			'Offline edition: these pages are files on this device and work with no connection.',
		);

		await page.getByRole('navigation', { name: 'Report' }).getByRole('link', { name: 'Themes' }).click();
		await page.waitForURL('**/themes/index.html');
		await page.locator('main a[href$="information-sharing/index.html"]').first().click();
		await page.waitForURL('**/themes/information-sharing/index.html');
		await expect
			.poll(
				() =>
					page
						.locator('main figure[data-chart]')
						.first()
						.evaluate((figure) => Boolean((figure as HTMLElement & { chart?: unknown }).chart)),
				{ timeout: 15_000 },
			)
			.toBe(true);

		await page.getByRole('navigation', { name: 'Report' }).getByRole('link', { name: 'Findings' }).click();
		await page.waitForURL('**/findings/index.html');
		await expect
			.poll(() => page.locator('.explorer-status').innerText(), { timeout: 15_000 })
			.toBe('Showing 1 to 62 of all 62 findings.');
		await page.goto(`${page.url()}?status=completed`);
		await expect.poll(() => page.locator('[data-explorer] tbody tr').count(), { timeout: 15_000 }).toBe(9);
		// Filtering rewrites the page's own address, the only one a page from disk may write.
		await page.locator('.explorer-controls').getByRole('checkbox', { name: 'Completed' }).uncheck();
		await expect.poll(() => page.locator('[data-explorer] tbody tr').count()).toBeGreaterThan(9);
		await page.locator('[data-explorer] tbody a').first().click();
		await page.waitForURL(/\/findings\/INV-\d+\/index\.html$/);
		expect(await page.locator('main').getAttribute('data-finding-id')).toMatch(/^INV-\d+$/);
		// The sample declares no site, and a file path is no address to cite.
		expect(await page.locator('.cite').innerText()).toMatch(
			/In Police handling of .+, Interim findings, March 2017 \(sample edition\)\.$/,
		);
		expect(problems).toEqual([]);
		await page.context().close();
	});

	it('searches from the header box: a word only in one finding’s body finds it, marked, and the result opens', async () => {
		const { page, problems } = await open(second, 'findings/PA-2/index.html');
		await page.getByRole('textbox', { name: 'Search the report' }).fill('pothole');
		await page.getByRole('textbox', { name: 'Search the report' }).press('Enter');
		await page.waitForURL('**/search/index.html?q=pothole');
		await expect.poll(() => status(page), { timeout: 15_000 }).toBe('1 result for “pothole”.');
		expect(await page.locator('.search-results h2').allInnerTexts()).toEqual(['Road maintenance framework']);
		expect(await page.locator('.search-results mark').first().innerText()).toMatch(/pothole/i);
		expect(await page.locator('.search-results .meta').innerText()).toBe(
			'Finding · PA-1 · Reported · Improvement needed',
		);
		await page.locator('.search-results a').click();
		await page.waitForURL('**/findings/PA-1/index.html');
		expect(await page.locator('main').getAttribute('data-finding-id')).toBe('PA-1');

		await page.goto(`file://${second}/search/index.html?q=zanzibarquux`);
		await expect
			.poll(() => status(page), { timeout: 15_000 })
			.toBe('Nothing found for “zanzibarquux”. Try other words, or fewer filters.');
		expect(problems).toEqual([]);
		await page.context().close();
	});

	it('narrows by facets with counts, keeps them in the address, restores them and goes back', async () => {
		const { page, problems } = await open(sample, 'search/index.html?q=records');
		await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^\d+ results for “records”\.$/);
		const all = Number((await status(page)).split(' ')[0]);
		const completed = page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /^Completed/ });
		const statusCounts = () => page.getByRole('group', { name: 'Status' }).locator('.count').allInnerTexts();
		const before = await statusCounts();
		await completed.check();
		await expect.poll(() => page.url()).toContain('search/index.html?q=records&status=Completed');
		await expect.poll(() => status(page)).not.toBe(`${all} results for “records”.`);
		const narrowed = Number((await status(page)).split(' ')[0]);
		expect(narrowed).toBeGreaterThan(0);
		expect(narrowed).toBeLessThan(all);
		for (const meta of await page.locator('.search-results .meta').allInnerTexts()) expect(meta).toContain('Completed');
		expect(await completed.evaluate((box) => box.parentElement!.textContent!)).toContain(`(${narrowed})`);
		// Values of a facet add up ("any of"): ticking one leaves the facet's counts as they were.
		expect(await statusCounts()).toEqual(before);

		await page.reload();
		await expect.poll(() => status(page), { timeout: 15_000 }).toBe(`${narrowed} results for “records”.`);
		expect(await completed.isChecked()).toBe(true);
		await page.goBack();
		await expect.poll(() => status(page), { timeout: 15_000 }).toBe(`${all} results for “records”.`);
		expect(await completed.isChecked()).toBe(false);
		expect(problems).toEqual([]);
		await page.context().close();
	});
});

describe('the offline edition’s accessibility', () => {
	it.each([
		'index.html',
		'search/index.html?q=records&status=Completed',
		'findings/index.html',
		'findings/INV-07/index.html',
	])('has no axe violations on %s, in light and dark', async (path) => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const { page } = await open(sample, path);
			await page.emulateMedia({ colorScheme });
			if (path.startsWith('search')) await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/results? for/);
			expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
			await page.context().close();
		}
	});
});

describe('search in the offline edition and on the hosted site', () => {
	it('finds the same pages for the same words: the same records, stemmed alike, by word, by its start and by facet', async () => {
		const server = await serve(join(work, 'sample-site'));
		const context = await browser.newContext();
		const page = await context.newPage();
		/** The status and every result's title, in order of title: Pagefind ranks a little differently. */
		const found = async () => {
			await expect.poll(() => status(page), { timeout: 45_000 }).toMatch(/results? for|Nothing found/);
			while (await page.locator('.search-more').isVisible()) {
				const shown = await page.locator('.search-results li').count();
				await page.locator('.search-more').click();
				await expect.poll(() => page.locator('.search-results li').count()).toBeGreaterThan(shown);
			}
			return { status: await status(page), titles: (await page.locator('.search-results h2').allInnerTexts()).sort() };
		};
		try {
			for (const search of [
				'q=records',
				'q=complaint',
				'q=information+sharing',
				'q=officers',
				'q=recor',
				'q=records+officers&status=Completed',
			]) {
				await page.goto(`${server.origin}/search/index.html?${search}`);
				const hosted = await found();
				await page.goto(`file://${sample}/search/index.html?${search}`);
				expect(await found(), search).toEqual(hosted);
				expect(hosted.titles.length, search).toBeGreaterThan(0);
			}
		} finally {
			await context.close();
			await server.close();
		}
	});
});
