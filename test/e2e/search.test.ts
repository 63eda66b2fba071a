import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/run.ts';
import { buildAndServe, type Site } from '../support/site.ts';

let sample: Site;
let second: Site;
beforeAll(async () => {
	sample = await buildAndServe();
	second = await buildAndServe({ REPORT_CONTENT: fixture('second-report') }, '/procurement-2025/');
});
afterAll(async () => {
	await sample?.close();
	await second?.close();
});

const status = (page: Page) => page.locator('.search-status').innerText();
const results = (page: Page) => page.locator('.search-results h2').allInnerTexts();

async function search(page: Page, words: string) {
	// The index has loaded once the page offers its facets.
	await expect.poll(() => page.locator('.search-facets').isVisible(), { timeout: 15_000 }).toBe(true);
	await page.getByRole('searchbox', { name: 'Words to find' }).fill(words);
	await page.getByRole('searchbox', { name: 'Words to find' }).press('Enter');
	// Enter was taken: the page searches, or has searched.
	await expect.poll(async () => `${page.url()} ${await status(page)}`, { timeout: 5_000 }).not.toMatch(/Type words to find/);
}

describe('search', () => {
	it('finds a finding by a word that is only in its body, and marks the word', async () => {
		const page = await second.open('/procurement-2025/search/');
		await search(page, 'pothole');
		// The first search starts Pagefind's WebAssembly: allow for a busy machine.
		await expect.poll(() => status(page), { timeout: 45_000 }).toBe('1 result for “pothole”.');
		expect(await results(page)).toEqual(['Road maintenance framework']);
		expect(await page.locator('.search-results mark').first().innerText()).toMatch(/pothole/i);
		expect(await page.locator('.search-results .meta').innerText()).toBe('Finding · PA-1 · Reported · Improvement needed');
		await page.locator('.search-results a').click();
		await page.waitForURL('**/procurement-2025/findings/PA-1/');
		await page.context().close();
	});

	it('finds nothing of a draft', async () => {
		const page = await second.open('/procurement-2025/search/?q=zanzibarquux');
		await expect.poll(() => status(page), { timeout: 15_000 }).toBe('Nothing found for “zanzibarquux”. Try other words, or fewer filters.');
		await page.context().close();
	});

	it('narrows by facets with counts, keeps the query and filters in the URL, and goes back', async () => {
		const page = await sample.open('/search/');
		await search(page, 'records');
		await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^\d+ results for “records”\.$/);
		const all = Number((await status(page)).split(' ')[0]);
		const statusCounts = () => page.getByRole('group', { name: 'Status' }).locator('.count').allInnerTexts();
		const before = await statusCounts();
		await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /^Completed/ }).check();
		await expect.poll(() => page.url()).toContain('q=records&status=Completed');
		await expect.poll(() => status(page)).not.toBe(`${all} results for “records”.`);
		const completed = Number((await status(page)).split(' ')[0]);
		expect(completed).toBeGreaterThan(0);
		expect(completed).toBeLessThan(all);
		for (const meta of await page.locator('.search-results .meta').allInnerTexts()) expect(meta).toContain('Completed');
		const label = await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /^Completed/ }).evaluate((box) => box.parentElement!.textContent!);
		expect(label).toContain(`(${completed})`);
		// Values of a facet add up ("any of"): ticking one leaves the facet's counts as they were.
		expect(await statusCounts()).toEqual(before);

		await page.goBack();
		await expect.poll(() => status(page)).toBe(`${all} results for “records”.`);
		expect(await page.getByRole('group', { name: 'Status' }).getByRole('checkbox', { name: /^Completed/ }).isChecked()).toBe(false);
		await page.context().close();
	});

	it('restores a shared search, filters alone listing findings by a facet, newest first', async () => {
		const page = await sample.open('/search/?theme=Leadership&status=Completed&sort=opened-desc');
		await expect.poll(() => status(page), { timeout: 15_000 }).toBe('2 results.');
		expect(await results(page)).toEqual(['Investigation 09: supervision of a small specialist team in the mid-2000s', 'Investigation 01: response to reports made by one complainant between 1998 and 2001']);
		expect(await page.getByRole('group', { name: 'Theme' }).getByRole('checkbox', { name: /^Leadership/ }).isChecked()).toBe(true);
		await page.context().close();
	});

	it('starts from the search box in the header of every page', async () => {
		const page = await sample.open('/findings/INV-07/');
		await page.getByRole('textbox', { name: 'Search the report' }).fill('intelligence');
		await page.getByRole('textbox', { name: 'Search the report' }).press('Enter');
		await page.waitForURL('**/search/?q=intelligence');
		await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/results? for “intelligence”/);
		expect(await page.locator('input[type="search"]').count()).toBe(1);
		await page.context().close();
	});

	it('says that search needs JavaScript when it is off, and links the findings table', async () => {
		const page = await sample.open('/search/', { javaScriptEnabled: false });
		expect(await page.locator('.search-nojs').innerText()).toContain('Search needs JavaScript');
		await page.locator('.search-nojs').getByRole('link', { name: 'findings table' }).click();
		await page.waitForURL('**/findings/');
		await page.context().close();
	});

	it('asks no other host for anything', () => {
		expect([...sample.foreign, ...second.foreign]).toEqual([]);
	});
});
