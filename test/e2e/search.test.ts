import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from '../support/run.ts';
import { buildAndServe, otherHosts, type Site } from '../support/site.ts';
import { unzipInto } from '../support/unzip.ts';

let sample: Site;
let second: Site;
const unzipped = mkdtempSync(join(tmpdir(), 'findings-search-'));
/** The sample's offline edition, unzipped as a reader would. */
let edition: string;
beforeAll(async () => {
	sample = await buildAndServe();
	second = await buildAndServe({ REPORT_CONTENT: fixture('second-report') }, '/procurement-2025/');
	const [zip] = readdirSync(join(sample.dist, 'data')).filter((file) => file.endsWith('-offline.zip'));
	unzipInto(join(sample.dist, 'data', zip!), unzipped);
	edition = join(unzipped, zip!.replace(/\.zip$/, ''));
});
afterAll(async () => {
	await sample?.close();
	await second?.close();
	rmSync(unzipped, { recursive: true, force: true });
});

const status = (page: Page) => page.locator('.search-status').innerText();
const results = (page: Page) => page.locator('.search-results h2').allInnerTexts();

const searchbox = (page: Page) => page.getByRole('searchbox', { name: 'Words to find' });
const PROMPT = 'Type words to find, or choose a theme, status, outcome or year.';

/** Waits for the index: once it has loaded, the page asks for words. */
async function indexReady(page: Page) {
	await expect.poll(() => status(page), { timeout: 15_000 }).toBe(PROMPT);
}

const clocked = new WeakSet<Page>();
/**
 * Types into the search box as a fast typist does. The page's clock stands still while the letters go in, so that
 * however busy the machine, no gap between two letters lasts the pause after which the page searches.
 */
async function typeQuickly(page: Page, ...texts: string[]) {
	if (!clocked.has(page)) await page.clock.install();
	clocked.add(page);
	// A moment ahead of the page's clock, which runs on while this is sent: a moment passed is tried again.
	for (let attempt = 1; ; attempt++) {
		try {
			await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 20);
			break;
		} catch (error) {
			if (attempt === 5 || !String(error).includes('to the past')) throw error;
		}
	}
	for (const text of texts) await searchbox(page).pressSequentially(text);
	await page.clock.resume();
}

/** From now on, keeps each thing the status says, as a screen reader would hear it. */
async function listen(page: Page) {
	await page.locator('.search-status').evaluate((element) => {
		const heard: string[] = [];
		(window as unknown as { said: string[] }).said = heard;
		new MutationObserver(() => heard.push(element.textContent!)).observe(element, {
			childList: true,
			characterData: true,
			subtree: true,
		});
	});
}

/** What the status said since `listen`, but "Searching…", which a search slow to answer, such as the first, may say. */
const said = (page: Page) =>
	page.evaluate(() => (window as unknown as { said: string[] }).said.filter((text) => text !== 'Searching…'));

const historyLength = (page: Page) => page.evaluate(() => history.length);

/** Searches with Enter alone: the words are put in the box without the input events that typing makes. */
async function search(page: Page, words: string) {
	await indexReady(page);
	await searchbox(page).evaluate((input: HTMLInputElement, value) => (input.value = value), words);
	await searchbox(page).press('Enter');
	// Enter was taken: the address has the words, which nothing else put there.
	await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 5_000 }).toBe(words);
}

describe('search', () => {
	it('finds a finding by a word that is only in its body, and marks the word', async () => {
		const page = await second.open('/procurement-2025/search/');
		await search(page, 'pothole');
		// The first search starts Pagefind's WebAssembly: allow for a busy machine.
		await expect.poll(() => status(page), { timeout: 45_000 }).toBe('1 result for “pothole”.');
		expect(await results(page)).toEqual(['Road maintenance framework']);
		expect(await page.locator('.search-results mark').first().innerText()).toMatch(/pothole/i);
		expect(await page.locator('.search-results .meta').innerText()).toBe(
			'Finding · PA-1 · Reported · Improvement needed',
		);
		await page.locator('.search-results a').click();
		await page.waitForURL('**/procurement-2025/findings/PA-1/');
		await page.context().close();
	});

	it('finds nothing of a draft', async () => {
		const page = await second.open('/procurement-2025/search/?q=zanzibarquux');
		await expect
			.poll(() => status(page), { timeout: 15_000 })
			.toBe('Nothing found for “zanzibarquux”. Try other words, or fewer filters.');
		await page.context().close();
	});

	it('narrows by facets with counts, keeps the query and filters in the URL, and goes back', async () => {
		const page = await sample.open('/search/');
		await search(page, 'records');
		await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^\d+ results for “records”\.$/);
		const all = Number((await status(page)).split(' ')[0]);
		const statusCounts = () => page.getByRole('group', { name: 'Status' }).locator('.count').allInnerTexts();
		const before = await statusCounts();
		await page
			.getByRole('group', { name: 'Status' })
			.getByRole('checkbox', { name: /^Completed/ })
			.check();
		await expect.poll(() => page.url()).toContain('q=records&status=Completed');
		await expect.poll(() => status(page)).not.toBe(`${all} results for “records”.`);
		const completed = Number((await status(page)).split(' ')[0]);
		expect(completed).toBeGreaterThan(0);
		expect(completed).toBeLessThan(all);
		for (const meta of await page.locator('.search-results .meta').allInnerTexts()) expect(meta).toContain('Completed');
		const label = await page
			.getByRole('group', { name: 'Status' })
			.getByRole('checkbox', { name: /^Completed/ })
			.evaluate((box) => box.parentElement!.textContent!);
		expect(label).toContain(`(${completed})`);
		// Values of a facet add up ("any of"): ticking one leaves the facet's counts as they were.
		expect(await statusCounts()).toEqual(before);

		await page.goBack();
		await expect.poll(() => status(page)).toBe(`${all} results for “records”.`);
		expect(
			await page
				.getByRole('group', { name: 'Status' })
				.getByRole('checkbox', { name: /^Completed/ })
				.isChecked(),
		).toBe(false);
		await page.context().close();
	});

	it('restores a shared search, filters alone listing findings by a facet, newest first', async () => {
		const page = await sample.open('/search/?theme=Leadership&status=Completed&sort=opened-desc');
		await expect.poll(() => status(page), { timeout: 15_000 }).toBe('2 results.');
		expect(await results(page)).toEqual([
			'Investigation 09: supervision of a small specialist team in the mid-2000s',
			'Investigation 01: response to reports made by one complainant between 1998 and 2001',
		]);
		expect(
			await page
				.getByRole('group', { name: 'Theme' })
				.getByRole('checkbox', { name: /^Leadership/ })
				.isChecked(),
		).toBe(true);
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

	it('says that search needs JavaScript when it is off, still submits, and links the findings table', async () => {
		const page = await sample.open('/search/', { javaScriptEnabled: false });
		expect(await page.locator('.search-nojs').innerText()).toContain('Search needs JavaScript');
		// The form is an ordinary one: Enter asks the search page for the words.
		await searchbox(page).fill('records');
		await searchbox(page).press('Enter');
		await page.waitForURL('**/search/?q=records');
		await page.locator('.search-nojs').getByRole('link', { name: 'findings table' }).click();
		await page.waitForURL('**/findings/');
		await page.context().close();
	});

	it('asks no other host for anything, Pagefind’s files included', async () => {
		for (const [site, path] of [
			[sample, '/search/?q=records&status=Completed'],
			[second, '/procurement-2025/search/?q=pothole'],
		] as const) {
			const page = await site.open(path);
			await expect.poll(() => status(page), { timeout: 45_000 }).toMatch(/results? for/);
			await page.waitForLoadState('networkidle');
			const requests = site.requests(page);
			// The requests seen are this page's, down to Pagefind's index: an empty list below means something.
			expect(requests, path).toContain(site.origin + path);
			const pagefind = requests.filter((url) => url.includes('/pagefind/'));
			for (const file of ['/pagefind.js', '/wasm.', '.pf_meta', '.pf_index', '.pf_fragment'])
				expect(
					pagefind.filter((url) => url.includes(file)),
					`${path}: ${file}`,
				).not.toEqual([]);
			expect(otherHosts(requests, site.origin), path).toEqual([]);
			await page.context().close();
		}
	});
});

/**
 * Pagefind, with the answer for "rec" held back until the page shows the results for "records", asked for after
 * it: the order of answers a busy index or a slow network may give.
 */
const SLOW_REC = `
import * as pagefind from './pagefind.js?unwrapped';
export const { options, filters, init, preload, destroy, mergeIndex, createInstance, debouncedSearch } = pagefind;
const log = (self.pagefindLog = { asked: [], answered: [] });
export async function search(term, options) {
	log.asked.push(term);
	const found = await pagefind.search(term, options);
	if (term === 'rec')
		await new Promise(function wait(resolve) {
			if (document.querySelector('.search-status').textContent.includes('“records”')) resolve();
			else setTimeout(() => wait(resolve), 20);
		});
	log.answered.push(term);
	return found;
}
`;
const pagefindLog = (page: Page) =>
	page.evaluate(() => (window as unknown as { pagefindLog: { asked: string[]; answered: string[] } }).pagefindLog);

describe('search as you type', () => {
	it('shows results while the reader types, without Enter, and says the count once', async () => {
		const page = await second.open('/procurement-2025/search/');
		await indexReady(page);
		await listen(page);
		await typeQuickly(page, 'pothole');
		// The first search starts Pagefind's WebAssembly: allow for a busy machine.
		await expect.poll(() => status(page), { timeout: 45_000 }).toBe('1 result for “pothole”.');
		expect(await results(page)).toEqual(['Road maintenance framework']);
		expect(new URL(page.url()).search).toBe('?q=pothole');
		// Not at each letter: "p", "po" and the rest found things too.
		expect(await said(page)).toEqual(['1 result for “pothole”.']);
		await page.context().close();
	});

	it('never lets a slower answer to earlier letters replace the answer to the words typed since', async () => {
		const page = await sample.open('/search/', { serviceWorkers: 'block' });
		await page.route(/\/pagefind\/pagefind\.js$/, (route) =>
			route.fulfill({ contentType: 'text/javascript', body: SLOW_REC }),
		);
		await page.reload();
		await indexReady(page);
		await listen(page);
		await typeQuickly(page, 'rec');
		// The search for "rec" is out before the reader types on.
		await expect.poll(async () => (await pagefindLog(page)).asked, { timeout: 15_000 }).toContain('rec');
		await typeQuickly(page, 'ords');
		await expect.poll(() => status(page), { timeout: 45_000 }).toMatch(/^\d+ results for “records”\.$/);
		await expect.poll(async () => (await pagefindLog(page)).answered, { timeout: 15_000 }).toContain('rec');
		// Time enough for the late answer to show, were it let through.
		await page.waitForTimeout(1_000);
		const shown = { status: await status(page), results: await results(page), url: new URL(page.url()).search };
		expect(await said(page)).toEqual([shown.status]);

		const alone = await sample.open('/search/?q=records');
		await expect.poll(() => status(alone), { timeout: 45_000 }).toMatch(/results? for/);
		expect(shown).toEqual({ status: await status(alone), results: await results(alone), url: '?q=records' });
		await alone.context().close();
		await page.context().close();
	});

	it('goes back search by search, not letter by letter', async () => {
		const page = await sample.open('/search/');
		await indexReady(page);
		const start = await historyLength(page);
		await typeQuickly(page, 'records');
		await expect.poll(() => status(page), { timeout: 45_000 }).toMatch(/^\d+ results for “records”\.$/);
		const records = await status(page);
		// Enter on a search already shown adds nothing.
		await searchbox(page).press('Enter');
		await searchbox(page).selectText();
		await typeQuickly(page, 'complaint');
		await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^\d+ results? for “complaint”\.$/);
		expect(new URL(page.url()).search).toBe('?q=complaint');
		expect(await historyLength(page)).toBe(start + 2);

		await page.goBack();
		await expect.poll(() => status(page)).toBe(records);
		expect(new URL(page.url()).search).toBe('?q=records');
		expect(await searchbox(page).inputValue()).toBe('records');
		await page.goBack();
		await expect.poll(() => status(page)).toBe(PROMPT);
		expect(new URL(page.url()).search).toBe('');
		expect(await searchbox(page).inputValue()).toBe('');
		expect(await results(page)).toEqual([]);
		await page.goForward();
		await expect.poll(() => status(page)).toBe(records);
		await page.context().close();
	});

	it('does all this in the offline edition, opened from disk', async () => {
		const page = await sample.openUrl(`file://${edition}/search/index.html`);
		const errors: string[] = [];
		page.on('pageerror', (error) => errors.push(error.message));
		await indexReady(page);
		await listen(page);
		const start = await historyLength(page);
		await typeQuickly(page, 'rec', 'ords');
		await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^\d+ results for “records”\.$/);
		const records = { status: await status(page), results: await results(page) };
		expect(await said(page)).toEqual([records.status]);
		// From disk a page may rewrite only its own address: the search page's file, with the words.
		expect(page.url()).toBe(`file://${edition}/search/index.html?q=records`);

		await searchbox(page).selectText();
		await typeQuickly(page, 'complaint');
		await expect.poll(() => status(page), { timeout: 15_000 }).toMatch(/^\d+ results? for “complaint”\.$/);
		expect(await historyLength(page)).toBe(start + 2);
		await page.goBack();
		await expect.poll(() => status(page)).toBe(records.status);
		expect(await results(page)).toEqual(records.results);
		expect(await searchbox(page).inputValue()).toBe('records');
		await page.goBack();
		await expect.poll(() => status(page)).toBe(PROMPT);
		expect(page.url()).toBe(`file://${edition}/search/index.html`);

		// The same results as the address alone gives.
		await page.goto(`file://${edition}/search/index.html?q=records`);
		await expect.poll(() => status(page), { timeout: 15_000 }).toBe(records.status);
		expect(await results(page)).toEqual(records.results);
		const requests = sample.requests(page);
		expect(requests).toContain(`file://${edition}/_offline/search/index.js`);
		expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
		expect(errors).toEqual([]);
		await page.context().close();
	});
});
