import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { ROOT } from '../support/run.ts';
import { buildAndServe, otherHosts, type Site } from '../support/site.ts';

const SHOTS = join(ROOT, 'test-results');
const PAGES = {
	overview: '/',
	findings: '/findings/',
	finding: '/findings/INV-01/',
	themes: '/themes/',
	theme: '/themes/information-sharing/',
	recommendations: '/recommendations/',
	data: '/data/',
	search: '/search/?q=records&theme=Leadership',
	chapter: '/about-this-sample/',
};

let site: Site;

beforeAll(async () => {
	site = await buildAndServe();
	mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => site?.close());

const open = (
	path: string,
	options: { width?: number; javaScriptEnabled?: boolean; colorScheme?: 'light' | 'dark' } = {},
) =>
	site.open(path, {
		viewport: { width: options.width ?? 1280, height: 900 },
		javaScriptEnabled: options.javaScriptEnabled ?? true,
		colorScheme: options.colorScheme ?? 'light',
	});

describe('the built sample report in Chromium', () => {
	it.each([320, 375, 1280])(
		'renders every page type at %i px wide, without sideways scrolling of the page',
		async (width) => {
			for (const [name, path] of Object.entries(PAGES)) {
				const page = await open(path, { width });
				await expect(page.locator('h1').count()).resolves.toBe(1);
				const overflow = await page.evaluate(
					() => document.documentElement.scrollWidth - document.documentElement.clientWidth,
				);
				expect(overflow, `${name} overflows at ${width}px`).toBeLessThanOrEqual(0);
				await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
				await page.context().close();
			}
		},
	);

	it('shows the title, as-at date, headline figures and theme cards on the overview', async () => {
		const page = await open('/');
		expect(await page.locator('h1').innerText()).toBe(
			'Police handling of child sexual exploitation complaints in one town',
		);
		expect(await page.locator('main').innerText()).toContain('Figures as at 8 March 2017');
		expect(
			await page.getByRole('link', { name: '62, Investigations opened: see these findings', exact: true }).count(),
		).toBe(1);
		expect(await page.locator('[data-figure="allegations"] dt').innerText()).toBe('Allegations');
		expect(await page.locator('[data-figure="allegations"] dd a').getAttribute('href')).toBe(
			'/findings/?sort=allegations&dir=desc',
		);
		expect(await page.locator('.cards li').count()).toBe(6);
		expect(await page.locator('.notice').innerText()).toContain('illustrative records');
		await page.context().close();
	});

	it('gives each finding page its id on <main>, its facts and links to its themes and related findings', async () => {
		const page = await open('/findings/INV-01/');
		expect(await page.locator('main').getAttribute('data-finding-id')).toBe('INV-01');
		const facts = await page.locator('.facts').innerText();
		expect(facts).toContain('No case to answer');
		expect(facts).toMatch(/Closed\s+30 June 2016\s+Duration\s+603 days/);
		await page.locator('.facts').getByRole('link', { name: 'Information sharing between agencies' }).click();
		await page.waitForURL('**/themes/information-sharing/');
		await page.goBack();
		await page.getByRole('link', { name: 'INV-03' }).click();
		await page.waitForURL('**/findings/INV-03/');
		expect(await page.locator('main').getAttribute('data-finding-id')).toBe('INV-03');
		await page.context().close();
	});

	it('lists every published finding in the table, with JavaScript off', async () => {
		const page = await open('/findings/', { javaScriptEnabled: false });
		expect(await page.locator('tbody tr').count()).toBe(62);
		await page.context().close();
	});

	it('can be used from the keyboard: the first Tab reaches "Skip to content"', async () => {
		const page = await open('/findings/INV-05/');
		await page.keyboard.press('Tab');
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
		await page.context().close();
	});

	it('follows a dark system colour scheme', async () => {
		const page = await open('/', { colorScheme: 'dark' });
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 27)');
		await page.context().close();
	});

	it.each(Object.entries(PAGES))('has no axe violations on the %s page, in light and dark', async (_name, path) => {
		for (const colorScheme of ['light', 'dark'] as const) {
			const page = await open(path, { colorScheme });
			expect(await axeViolations(page), `${path} (${colorScheme})`).toEqual([]);
			await page.context().close();
		}
	});

	it('makes no request to any host but its own, from any page type', async () => {
		for (const [name, path] of Object.entries(PAGES)) {
			const page = await open(path);
			// The search page asks for Pagefind's files only once it searches.
			if (name === 'search')
				await expect
					.poll(() => page.locator('.search-status').innerText(), { timeout: 45_000 })
					.toMatch(/results? for/);
			await page.waitForLoadState('networkidle');
			const requests = site.requests(page);
			// What was collected is this page's: its document, and the site's script and style it loads. Were the
			// collector blind, the list of other hosts would be empty for want of anything seen.
			expect(requests, name).toContain(site.origin + path);
			expect(
				requests.filter((url) => url.startsWith(`${site.origin}/_astro/`)),
				name,
			).not.toEqual([]);
			if (name === 'search') expect(requests, name).toContain(`${site.origin}/pagefind/pagefind.js`);
			expect(otherHosts(requests, site.origin), name).toEqual([]);
			await page.context().close();
		}
	});
});
