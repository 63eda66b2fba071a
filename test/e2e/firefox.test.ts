import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type Firefox } from '../support/firefox.ts';
import { ROOT, run } from '../support/run.ts';
import { serve } from '../support/serve.ts';
import { unzipInto } from '../support/unzip.ts';

/**
 * The reader's journeys of site.test.ts, search.test.ts, csp.test.ts and offline-edition.test.ts, in Debian's
 * Firefox ESR: a second engine finds what Chromium forgives, such as a box that is wider in one, or storage that
 * Firefox keeps per file where Chromium shares it.
 */

/** One page of each type of the sample; `chapter` and `theme` have charts. */
const PAGES: Record<string, string> = {
	overview: '',
	themes: 'themes/',
	theme: 'themes/information-sharing/',
	findings: 'findings/?status=completed',
	finding: 'findings/INV-01/',
	search: 'search/?q=records',
	recommendations: 'recommendations/',
	data: 'data/',
	chapter: 'introduction/',
	prose: 'about-this-sample/',
};
const DARK = 'rgb(20, 23, 27)';
const LIGHT = 'rgb(255, 255, 255)';
/** Only in the body of INV-09, not in any title, summary or other page. */
const BODY_ONLY = 'correspondence';
const SHOTS = join(ROOT, 'test-results');
/** For what follows a click: quick, but not on a machine busy with other builds. */
const SOON = { timeout: 15_000 };

const work = mkdtempSync(join(tmpdir(), 'findings-firefox-'));
let firefox: Firefox;
let origin: string;
let edition: string;
let closeServer: () => Promise<void>;

beforeAll(async () => {
	const dist = join(work, 'site');
	const result = run('build', { REPORT_OUT: dist });
	expect(result.status, result.stderr).toBe(0);
	const [zip] = readdirSync(join(dist, 'data')).filter((file) => file.endsWith('-offline.zip'));
	unzipInto(join(dist, 'data', zip!), join(work, 'offline'));
	edition = join(work, 'offline', zip!.replace(/\.zip$/, ''));
	const server = await serve(dist);
	origin = `${server.origin}/`;
	closeServer = server.close;
	firefox = await launchFirefox();
	mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
	await firefox?.close();
	await closeServer?.();
	rmSync(work, { recursive: true, force: true });
});

/** The address of a page of the sample: hosted, or its file in the offline edition, as a link there names it. */
const hosted = (path: string) => origin + path;
function fromDisk(path: string): string {
	const [folder = '', query = ''] = path.split('?');
	return `file://${edition}/${folder}index.html${query ? `?${query}` : ''}`;
}

/** What a page did that it must not: a request elsewhere, a script error, a breach of its policy. */
const problems: string[] = [];
const local = (url: string) => /^(file:|data:|blob:|about:)/.test(url) || url.startsWith(origin);

/**
 * A page in a fresh browser context (its own storage) that writes down every problem, on this page and on every
 * page it goes to next: breaches of the Content-Security-Policy are logged from before the page's first script.
 */
async function open(url: string, width = 1280): Promise<Page> {
	const context = await firefox.browser.createBrowserContext();
	const page = await context.newPage();
	await page.setViewport({ width, height: 900 });
	await page.evaluateOnNewDocument(() => {
		document.addEventListener('securitypolicyviolation', (event) =>
			console.error(
				`CSP violation: ${event.effectiveDirective} ${event.blockedURI || 'inline'} at ${event.sourceFile}`,
			),
		);
	});
	page.on('console', (message) => {
		// Pagefind's own errors name their cause (a file it could not fetch or read), which its thrown error does not.
		if (message.text().startsWith('CSP violation') || (message.type() === 'error' && /pagefind/i.test(message.text())))
			problems.push(`${page.url()}: ${message.text()}`);
	});
	page.on('pageerror', (error) => problems.push(`${page.url()}: error: ${(error as Error).message}`));
	page.on('request', (request) => {
		if (!local(request.url())) problems.push(`request to ${request.url()}`);
	});
	await page.goto(url);
	return page;
}
const close = (page: Page) => page.browserContext().close();

const text = (page: Page, selector: string) => page.$eval(selector, (element) => (element as HTMLElement).innerText);
const texts = (page: Page, selector: string) =>
	page.$$eval(selector, (elements) => elements.map((element) => (element as HTMLElement).innerText));
const count = (page: Page, selector: string) => page.$$eval(selector, (elements) => elements.length);
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const toggleShown = (page: Page) => page.$eval('#theme-toggle', (button) => !(button as HTMLElement).hidden);
const searchStatus = (page: Page) => text(page, '.search-status');
const tableStatus = (page: Page) => text(page, '.explorer-status');

/** Follows a link (or submits a form) and waits for the next page. */
async function follow(page: Page, act: () => Promise<unknown>): Promise<void> {
	await Promise.all([page.waitForNavigation(), act()]);
}
/** Follows the link of the site's navigation with this label. */
async function navLink(page: Page, label: string): Promise<void> {
	for (const link of await page.$$('nav.site a'))
		if ((await link.evaluate((element) => element.textContent?.trim())) === label)
			return follow(page, () => link.click());
	throw new Error(`no link "${label}" in the navigation of ${page.url()}`);
}
const findingId = (page: Page) => page.$eval('main', (main) => (main as HTMLElement).dataset.findingId);

/**
 * The page's first chart (or the one named) drawn, at the height reserved for it, on a canvas of that size. Scrolled
 * to first, as a reader would: a chart may wait to be drawn until it comes near the viewport.
 */
const chartDrawn = (page: Page, selector = 'figure[data-chart]') =>
	page.$eval(selector, (figure) => {
		figure.scrollIntoView({ block: 'center' });
		const box = figure.querySelector<HTMLElement>('.chart-canvas')!;
		const canvas = figure.querySelector('canvas');
		return (
			Boolean((figure as HTMLElement & { chart?: unknown }).chart) &&
			box.getBoundingClientRect().height === Number(box.dataset.height) &&
			(canvas?.clientHeight ?? 0) > 0 &&
			(canvas?.clientWidth ?? 0) > 0
		);
	});

/** What shows that each page type's own script has run, hosted or from disk. */
async function ready(name: string, page: Page): Promise<void> {
	const poll = { timeout: 30_000 };
	await expect.poll(() => toggleShown(page), poll).toBe(true);
	if (['overview', 'theme', 'chapter'].includes(name)) await expect.poll(() => chartDrawn(page), poll).toBe(true);
	if (name === 'findings')
		await expect.poll(() => tableStatus(page), poll).toBe('Showing 1 to 9 of 9 matching findings, of 62.');
	if (name === 'search') await expect.poll(() => searchStatus(page), poll).toMatch(/^\d+ results for “records”\.$/);
}

/** Searches with the words in the header's box, from any page. */
async function searchFromHeader(page: Page, words: string): Promise<void> {
	await page.type('#site-search', words);
	await follow(page, () => page.keyboard.press('Enter'));
}

/** Ticks Completed among the findings table's filters, which are open already on a wide screen. */
async function tickCompleted(page: Page): Promise<void> {
	if (!(await page.$eval('.explorer-controls', (details) => (details as HTMLDetailsElement).open)))
		await page.click('.explorer-controls summary');
	await page.click('.explorer-controls input[name="status"][value="completed"]');
}

/** Ticks Completed among the search's status facets: fewer results, each Completed, and the tick in the address. */
async function narrowToCompleted(page: Page): Promise<void> {
	await expect.poll(() => searchStatus(page), { timeout: 45_000 }).toMatch(/^\d+ results for “records”\.$/);
	const all = Number((await searchStatus(page)).split(' ')[0]);
	await page.click('[data-facet="status"] input[value="Completed"]');
	await expect.poll(() => page.url(), SOON).toContain('?q=records&status=Completed');
	await expect.poll(() => searchStatus(page), SOON).not.toBe(`${all} results for “records”.`);
	const narrowed = Number((await searchStatus(page)).split(' ')[0]);
	expect(narrowed).toBeGreaterThan(0);
	expect(narrowed).toBeLessThan(all);
	for (const meta of await texts(page, '.search-results .meta')) expect(meta).toContain('Completed');
}

describe('the built sample report in Firefox', () => {
	it.each([320, 375, 1280])(
		'renders every page type at %i px wide, with one h1 and without sideways scrolling of the page',
		async (width) => {
			const page = await open(hosted(''), width);
			for (const [name, path] of Object.entries(PAGES)) {
				await page.goto(hosted(path));
				await ready(name, page);
				expect(await count(page, 'h1'), name).toBe(1);
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
				);
				expect(overflow, `${name} overflows at ${width}px`).toBeLessThanOrEqual(0);
				await page.screenshot({ path: join(SHOTS, `firefox-${name}-${width}.png`), fullPage: true });
			}
			await close(page);
		},
	);

	it('draws a chart, and its Table switch shows the chart’s data instead', async () => {
		const page = await open(hosted(''));
		const figure = 'figure[data-chart="findings-by-status"]';
		await expect.poll(() => chartDrawn(page, figure), { timeout: 30_000 }).toBe(true);
		const shown = () =>
			page.$eval(figure, (element) => ({
				chart: !element.querySelector<HTMLElement>('.chart-canvas')!.hidden,
				table: !element.querySelector<HTMLElement>('.chart-table')!.hidden,
				pressed: element.querySelector('[data-view="table"]')!.getAttribute('aria-pressed'),
			}));
		expect(await shown()).toEqual({ chart: true, table: false, pressed: 'false' });
		await page.click(`${figure} [data-view="table"]`);
		expect(await shown()).toEqual({ chart: false, table: true, pressed: 'true' });
		expect(await count(page, `${figure} .chart-table tbody tr`)).toBeGreaterThan(0);
		await page.click(`${figure} [data-view="chart"]`);
		expect(await shown()).toEqual({ chart: true, table: false, pressed: 'false' });
		await close(page);
	});

	it('filters the findings table by status, and a row opens its finding', async () => {
		const page = await open(hosted('findings/'));
		await expect.poll(() => tableStatus(page), { timeout: 30_000 }).toBe('Showing 1 to 62 of all 62 findings.');
		await tickCompleted(page);
		await expect.poll(() => count(page, '[data-explorer] tbody tr'), SOON).toBe(9);
		expect(await tableStatus(page)).toBe('Showing 1 to 9 of 9 matching findings, of 62.');
		await expect.poll(() => page.url(), SOON).toBe(hosted('findings/?status=completed'));
		await follow(page, () => page.click('[data-explorer] tbody a'));
		expect(page.url()).toMatch(/\/findings\/INV-\d+\/$/);
		expect(await findingId(page)).toMatch(/^INV-\d+$/);
		await close(page);
	});

	it('finds a finding by a word only in its body, from the header’s box, and facets narrow', async () => {
		const page = await open(hosted('findings/INV-01/'));
		await searchFromHeader(page, BODY_ONLY);
		expect(page.url()).toBe(hosted(`search/?q=${BODY_ONLY}`));
		// The first search starts Pagefind's WebAssembly: allow for a busy machine.
		await expect.poll(() => searchStatus(page), { timeout: 45_000 }).toBe(`1 result for “${BODY_ONLY}”.`);
		expect(await texts(page, '.search-results h2')).toEqual([
			'Investigation 09: supervision of a small specialist team in the mid-2000s',
		]);
		expect(await text(page, '.search-results mark')).toMatch(new RegExp(BODY_ONLY, 'i'));
		await follow(page, () => page.click('.search-results a'));
		expect(page.url()).toBe(hosted('findings/INV-09/'));

		await page.goto(hosted('search/?q=records'));
		await narrowToCompleted(page);
		await close(page);
	});

	it('keeps the dark theme chosen on one page on the next, from before it is painted', async () => {
		const page = await open(hosted(''));
		await expect.poll(() => toggleShown(page), SOON).toBe(true);
		expect(await background(page)).toBe(LIGHT);
		await page.click('#theme-toggle');
		expect(await background(page)).toBe(DARK);
		await navLink(page, 'Recommendations');
		expect(page.url()).toBe(hosted('recommendations/'));
		// Set by the classic script in <head>, before the body exists.
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await background(page)).toBe(DARK);
		expect(await page.$eval('#theme-toggle', (button) => button.getAttribute('aria-pressed'))).toBe('true');
		await close(page);
	});

	it.each(Object.entries(PAGES))(
		'breaches no Content-Security-Policy on the %s page, whose scripts all run',
		async (name, path) => {
			const page = await open(hosted(path));
			await ready(name, page);
			await close(page);
			expect(problems.filter((problem) => problem.includes('CSP violation'))).toEqual([]);
		},
	);
});

describe('the offline edition in Firefox, unzipped and opened from disk', () => {
	const canRead = (page: Page, file: string) =>
		page.evaluate(
			(address) =>
				fetch(address).then(
					(response) => response.ok,
					() => false,
				),
			file,
		);

	it('has the strict origin policy for files on, as readers do: a page cannot read the file beside it', async () => {
		const page = await open(fromDisk(''));
		const before = problems.length;
		expect(await canRead(page, 'theme.js')).toBe(false);
		// Firefox says why, as a script error: taken out of the page's problems, since it is the one expected.
		await expect.poll(() => problems.length, SOON).toBe(before + 1);
		expect(problems.splice(before)).toEqual([
			expect.stringMatching(/Cross-Origin Request Blocked.*theme\.js.*CORS request not http/),
		]);
		await close(page);
		// The same page in a Firefox without it reads the file: the refusal is the policy's, not the page's own doing.
		const lax = await launchFirefox({ prefs: { 'security.fileuri.strict_origin_policy': false } });
		try {
			const other = await lax.browser.newPage();
			await other.goto(fromDisk(''));
			expect(await canRead(other, 'theme.js')).toBe(true);
			expect(lax.foreign).toEqual([]);
		} finally {
			await lax.close();
		}
	});

	it('navigates between pages, draws charts, and filters the findings table', async () => {
		const page = await open(fromDisk(''));
		await expect.poll(() => chartDrawn(page), { timeout: 30_000 }).toBe(true);
		expect(await text(page, 'footer .offline-status')).toBe(
			'Offline edition: these pages are files on this device and work with no connection.',
		);
		await navLink(page, 'Themes');
		expect(page.url()).toBe(fromDisk('themes/'));
		await follow(page, () => page.click('main a[href$="information-sharing/index.html"]'));
		expect(page.url()).toBe(fromDisk('themes/information-sharing/'));
		await expect.poll(() => chartDrawn(page), { timeout: 30_000 }).toBe(true);

		await navLink(page, 'Findings');
		expect(page.url()).toBe(fromDisk('findings/'));
		await expect.poll(() => tableStatus(page), { timeout: 30_000 }).toBe('Showing 1 to 62 of all 62 findings.');
		await tickCompleted(page);
		await expect.poll(() => count(page, '[data-explorer] tbody tr'), SOON).toBe(9);
		// Filtering rewrites the page's own address, the only one a page from disk may write.
		await expect.poll(() => page.url(), SOON).toBe(fromDisk('findings/?status=completed'));
		await follow(page, () => page.click('[data-explorer] tbody a'));
		expect(page.url()).toMatch(/\/findings\/INV-\d+\/index\.html$/);
		expect(await findingId(page)).toMatch(/^INV-\d+$/);
		await close(page);
	});

	it('searches from the header’s box for a word only in a finding’s body, opens it, and facets narrow', async () => {
		const page = await open(fromDisk('findings/INV-01/'));
		await searchFromHeader(page, BODY_ONLY);
		expect(page.url()).toBe(fromDisk(`search/?q=${BODY_ONLY}`));
		await expect.poll(() => searchStatus(page), { timeout: 30_000 }).toBe(`1 result for “${BODY_ONLY}”.`);
		expect(await texts(page, '.search-results h2')).toEqual([
			'Investigation 09: supervision of a small specialist team in the mid-2000s',
		]);
		await follow(page, () => page.click('.search-results a'));
		expect(page.url()).toBe(fromDisk('findings/INV-09/'));

		await page.goto(fromDisk('search/?q=records'));
		await narrowToCompleted(page);
		await close(page);
	});

	it('keeps the reader’s theme from page to page, though Firefox gives each file a storage of its own', async () => {
		const page = await open(fromDisk(''));
		await expect.poll(() => toggleShown(page), SOON).toBe(true);
		await page.click('#theme-toggle');
		expect(await background(page)).toBe(DARK);
		await navLink(page, 'Data');
		expect(page.url()).toBe(fromDisk('data/'));
		expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
		expect(await background(page)).toBe(DARK);
		await expect
			.poll(() => page.$eval('#theme-toggle', (button) => button.getAttribute('aria-pressed')), SOON)
			.toBe('true');
		// Back to light here; the overview's own storage still says dark, but the latest choice is the one kept.
		await page.click('#theme-toggle');
		expect(await background(page)).toBe(LIGHT);
		await navLink(page, 'Overview');
		expect(page.url()).toBe(fromDisk(''));
		expect(await background(page)).toBe(LIGHT);
		await close(page);
	});

	it.each(Object.entries(PAGES))(
		'breaches no Content-Security-Policy on the %s page, whose scripts all run',
		async (name, path) => {
			const page = await open(fromDisk(path));
			await ready(name, page);
			await close(page);
			expect(problems.filter((problem) => problem.includes('CSP violation'))).toEqual([]);
		},
	);
});

describe('Firefox, across every page it opened', () => {
	it('had no script error and no breach of the policy, and nothing it sent left 127.0.0.1 and the disk', () => {
		expect(problems).toEqual([]);
		// The browser's own traffic too, which no page sees: every request to another host goes to the recording proxy.
		expect(firefox.foreign).toEqual([]);
	});
});
