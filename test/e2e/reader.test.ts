import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.ts';
import { buildAndServe, type Site } from '../support/site.ts';
import { chartDrawn } from '../support/waits.ts';

let site: Site;
beforeAll(async () => {
	site = await buildAndServe();
});
afterAll(() => site?.close());

/** The numbers in a chart's table, as the reader sees them, without thousands separators. */
async function tableOf(page: Page, name: string) {
	return page.locator(`figure[data-chart="${name}"] tbody tr`).evaluateAll((rows) =>
		rows.map((row) => ({
			label: row.querySelector('th')!.textContent!.trim(),
			values: [...row.querySelectorAll('td')].map((td) => Number(td.textContent!.replace(/[^\d.-]/g, ''))),
		})),
	);
}

/** The numbers Chart.js drew. */
async function chartOf(page: Page, name: string) {
	return page.locator(`figure[data-chart="${name}"]`).evaluate((figure) => {
		const chart = (figure as HTMLElement & { chart: { data: { labels: string[][]; datasets: { data: number[] }[] } } })
			.chart;
		return chart.data.labels.map((label, index) => ({
			label: label.join(' '),
			values: chart.data.datasets.map((dataset) => dataset.data[index]!),
		}));
	});
}

const rowIds = (page: Page) => page.locator('[data-explorer] tbody tr td.id').allInnerTexts();
const explorerStatus = (page: Page) => page.locator('.explorer-status').innerText();
/** The sample's 9 completed findings (of 62; the other 53 are open), as the table lists them, by id. */
const COMPLETED = ['INV-01', 'INV-02', 'INV-04', 'INV-05', 'INV-07', 'INV-09', 'INV-11', 'INV-14', 'INV-17'];
const OPEN = Array.from({ length: 62 }, (_, index) => `INV-${String(index + 1).padStart(2, '0')}`).filter(
	(id) => !COMPLETED.includes(id),
);

describe('charts', () => {
	it('draws every chart of the overview and a theme page, each with the same numbers as its table', async () => {
		for (const path of ['/', '/themes/recording-and-retention/', '/introduction/']) {
			const page = await site.open(path);
			const names = await page
				.locator('figure[data-chart]')
				.evaluateAll((figures) => figures.map((figure) => (figure as HTMLElement).dataset.chart!));
			expect(names.length, path).toBeGreaterThanOrEqual({ '/': 7, '/introduction/': 1 }[path] ?? 2);
			for (const name of names) {
				await expect.poll(() => chartOf(page, name), { timeout: 15_000 }).toEqual(await tableOf(page, name));
				// Something was painted: the canvas is not blank.
				const painted = await page
					.locator(`figure[data-chart="${name}"] canvas`)
					.evaluate((canvas: HTMLCanvasElement) => {
						const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
						return data.some((value, index) => index % 4 === 3 && value > 0);
					});
				expect(painted, name).toBe(true);
			}
			await page.context().close();
		}
	});

	it('shows the sample’s headline numbers in the status chart', async () => {
		const page = await site.open('/');
		expect(await tableOf(page, 'findings-by-status')).toEqual([
			{ label: 'Under investigation', values: [53] },
			{ label: 'Completed', values: [9] },
			{ label: 'Discontinued', values: [0] },
		]);
		expect(await page.locator('figure[data-chart="findings-by-status"] .chart-summary').innerText()).toBe(
			'Under investigation is the largest group: 53 of 62 findings.',
		);
		await page.context().close();
	});

	it('switches between chart and table', async () => {
		const page = await site.open('/');
		const figure = page.locator('figure[data-chart="findings-by-theme"]');
		await expect.poll(() => figure.locator('canvas').isVisible(), { timeout: 15_000 }).toBe(true);
		expect(await figure.locator('table').isVisible()).toBe(false);
		await figure.getByRole('button', { name: 'Table' }).click();
		expect(await figure.locator('table').isVisible()).toBe(true);
		expect(await figure.locator('canvas').isVisible()).toBe(false);
		expect(await figure.getByRole('button', { name: 'Table' }).getAttribute('aria-pressed')).toBe('true');
		await page.context().close();
	});

	it('does not animate charts for a reader who asks for reduced motion', async () => {
		const animation = async (reducedMotion: 'reduce' | 'no-preference') => {
			const page = await site.open('/', { reducedMotion });
			await chartDrawn(page, 'findings-by-status');
			const value = await page
				.locator('figure[data-chart="findings-by-status"]')
				.evaluate(
					(figure) => (figure as HTMLElement & { chart: { options: { animation: unknown } } }).chart.options.animation,
				);
			await page.context().close();
			return value;
		};
		expect(await animation('reduce')).toBe(false);
		expect(await animation('no-preference')).toMatchObject({ duration: 400 });
	});

	it('leaves Chart.js off pages without charts', async () => {
		const page = await site.open('/findings/INV-01/');
		const scripts = await page.evaluate(() =>
			performance
				.getEntriesByType('resource')
				.map((entry) => entry.name)
				.filter((name) => name.endsWith('.js')),
		);
		// Only the small scripts of every page (the theme, the service worker, the page's strings for them) and of a
		// finding's citation.
		expect(
			scripts.filter(
				(name) =>
					!/\/(theme\.js|_astro\/((Base|CiteScript)\.astro_astro_type_script_index_0_lang|messages)\.[\w-]+\.js)$/.test(
						name,
					),
			),
		).toEqual([]);
		await page.context().close();
	});

	it('keeps every chart readable as a table with JavaScript off, and offers its CSV', async () => {
		const page = await site.open('/', { javaScriptEnabled: false });
		const figures = page.locator('figure[data-chart]');
		for (let index = 0; index < (await figures.count()); index++) {
			expect(await figures.nth(index).locator('table').isVisible()).toBe(true);
			expect(await figures.nth(index).locator('canvas').isVisible()).toBe(false);
		}
		const csv = readFileSync(join(site.dist, 'data/charts/findings-by-status.csv'), 'utf8');
		expect(csv).toBe('\uFEFFStatus,Findings\r\nUnder investigation,53\r\nCompleted,9\r\nDiscontinued,0\r\n');
		await page.context().close();
	});
});

describe('headline figures', () => {
	it('link to the findings they count', async () => {
		const page = await site.open('/');
		// A declared figure, not derived from the findings, links nowhere.
		expect(await page.locator('[data-figure="named-officers"] dd').first().innerText()).toBe('91');
		expect(await page.locator('[data-figure="named-officers"] a').count()).toBe(0);
		expect(await page.locator('[data-figure="investigations"] a').getAttribute('href')).toBe('/findings/');
		await page.locator('[data-figure="completed"] a').click();
		await page.waitForURL('**/findings/?status=completed');
		expect(await rowIds(page)).toEqual(COMPLETED);
		await page.goBack();
		await page.locator('[data-figure="unidentified-allegations"] a').click();
		await page.waitForURL('**/findings/?status=open&sort=unidentified&dir=desc');
		// The 53 open findings, most allegations about unidentified officers first.
		const open = await rowIds(page);
		expect([...open].sort()).toEqual(OPEN);
		// Five allegations about unidentified officers each, the most of any open finding.
		expect(open.slice(0, 3).sort()).toEqual(['INV-21', 'INV-31', 'INV-56']);
		expect(await explorerStatus(page)).toBe('Showing 1 to 53 of 53 matching findings, of 62.');
		await page.context().close();
	});
});

describe('findings table', () => {
	it('sorts by a column both ways, with the sort in the URL', async () => {
		const page = await site.open('/findings/');
		await page.getByRole('button', { name: /^Opened/ }).click();
		expect((await rowIds(page))[0]).toBe('INV-01');
		await page.getByRole('button', { name: /^Opened/ }).click();
		expect((await rowIds(page))[0]).toBe('INV-62');
		expect(page.url()).toContain('sort=opened&dir=desc');
		expect(await page.locator('th[aria-sort="descending"]').innerText()).toContain('Opened');
		await page.context().close();
	});

	it('filters by status, theme, a metric range and dates, and restores the filters from a shared link', async () => {
		const page = await site.open('/findings/');
		await page.getByLabel('Completed', { exact: true }).check();
		expect(await rowIds(page)).toEqual(COMPLETED);
		expect(await explorerStatus(page)).toBe('Showing 1 to 9 of 9 matching findings, of 62.');
		await page.getByRole('group', { name: 'Theme' }).getByLabel('Leadership').check();
		expect(await rowIds(page)).toEqual(['INV-01', 'INV-09']);
		const shared = page.url();
		expect(shared).toContain('status=completed&theme=leadership');

		const again = await site.open(shared.replace(site.origin, ''));
		expect(await rowIds(again)).toEqual(['INV-01', 'INV-09']);
		expect(await again.getByLabel('Completed', { exact: true }).isChecked()).toBe(true);
		await again.context().close();

		await page.getByRole('button', { name: 'Clear all filters' }).click();
		await expect.poll(() => rowIds(page).then((ids) => ids.length), { timeout: 15_000 }).toBe(62);
		await page.getByRole('group', { name: 'Allegations', exact: true }).getByLabel('At least').fill('6');
		// The sample's findings with 6 or more allegations, of which one was opened in 2017.
		expect(await rowIds(page)).toEqual(['INV-16', 'INV-21', 'INV-31', 'INV-56']);
		expect(await explorerStatus(page)).toBe('Showing 1 to 4 of 4 matching findings, of 62.');
		expect(page.url()).toContain('allegations.min=6');
		await page.getByLabel('From').fill('2017-01-01');
		expect(await rowIds(page)).toEqual(['INV-56']);
		expect(page.url()).toContain('allegations.min=6&from=2017-01-01');
		await page.getByRole('group', { name: 'Allegations', exact: true }).getByLabel('At least').fill('');
		// Opened in 2017, whatever the allegations: the last seven findings.
		expect(await rowIds(page)).toEqual(['INV-56', 'INV-57', 'INV-58', 'INV-59', 'INV-60', 'INV-61', 'INV-62']);
		await page.context().close();
	});

	it('filters by words given in the URL', async () => {
		const page = await site.open('/findings/?q=residential');
		// The two findings of the sample with "residential" in their titles, and no others.
		await expect.poll(() => rowIds(page), { timeout: 15_000 }).toEqual(['INV-06', 'INV-17']);
		expect(await explorerStatus(page)).toBe('Showing 1 to 2 of 2 matching findings, of 62.');
		expect(await page.getByLabel('Words in the id or title').inputValue()).toBe('residential');
		await page.context().close();
	});
});

describe('finding pages', () => {
	it('lists related findings both ways, and links previous and next', async () => {
		const page = await site.open('/findings/INV-03/');
		expect(await page.locator('section', { hasText: 'Related findings' }).getByRole('link').allInnerTexts()).toEqual([
			'INV-01',
		]);
		// The arrows are drawn, not read: each link is named by its finding.
		expect(await page.locator('a[rel="prev"]').getAttribute('href')).toMatch(/\/findings\/INV-02\/$/);
		await page
			.getByRole('link', { name: /^INV-04: / })
			.and(page.locator('a[rel="next"]'))
			.click();
		await page.waitForURL('**/findings/INV-04/');
		expect(await page.locator('.cite').innerText()).toBe(
			'An independent police watchdog (sample report) (2017). INV-04: ' +
				(await page.locator('h1').innerText()) +
				'. In Police handling of child sexual exploitation complaints in one town, Interim findings, March 2017 (sample edition). ' +
				site.origin +
				'/findings/INV-04/',
		);
		await page.context().close();
	});
});

describe('recommendations and data', () => {
	it('lists every recommendation by recipient with counts per status', async () => {
		const page = await site.open('/recommendations/');
		expect(await page.locator('.lead').innerText()).toBe(
			'5 recommendations to 1 recipient. None is overdue as at 8 March 2017.',
		);
		expect(
			await page
				.getByRole('row', { name: /The force/ })
				.first()
				.innerText(),
		).toMatch(/The force\s+3\s+2\s+0\s+0\s+0\s+5/);
		await page.context().close();
	});

	it('offers CSV and JSON downloads whose stated sizes are their real sizes, and a JSON Schema that findings.json meets', async () => {
		const page = await site.open('/data/');
		for (const file of ['findings.csv', 'findings.json', 'findings.schema.json', 'recommendations.csv']) {
			const item = await page.locator('li', { has: page.getByRole('link', { name: file, exact: true }) }).innerText();
			const bytes = statSync(join(site.dist, 'data', file)).size;
			const stated = bytes < 1000 ? `${bytes} bytes` : `${(bytes / 1000).toFixed(1).replace(/\.0$/, '')} KB`;
			expect(item, file).toContain(stated);
		}
		const json = JSON.parse(readFileSync(join(site.dist, 'data/findings.json'), 'utf8'));
		const schema = JSON.parse(readFileSync(join(site.dist, 'data/findings.schema.json'), 'utf8'));
		const validate = addFormats(new Ajv2020({ allErrors: true })).compile(schema);
		expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
		expect(json.findings).toHaveLength(62);
		const csv = readFileSync(join(site.dist, 'data/findings.csv'), 'utf8').split('\r\n');
		expect(csv[0]).toBe(
			'\uFEFFid,title,summary,status,outcome,opened,closed,days_open,themes,allegations,unidentified,officers,recommendations,related,tags,url',
		);
		expect(csv.filter(Boolean)).toHaveLength(63);
		expect(
			readFileSync(join(site.dist, 'data/recommendations.csv'), 'utf8').split('\r\n').filter(Boolean),
		).toHaveLength(6);
		await page.context().close();
	});
});

describe('layout', () => {
	it('remembers the reader’s theme choice across pages', async () => {
		const page = await site.open('/');
		await page.getByRole('button', { name: 'Dark theme' }).click();
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 27)');
		await page.getByRole('link', { name: 'Recommendations' }).first().click();
		await page.waitForURL('**/recommendations/');
		expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(20, 23, 27)');
		expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
		await page.context().close();
	});

	it('prints charts and their tables, without navigation', async () => {
		const page = await site.open('/');
		await page.emulateMedia({ media: 'print' });
		expect(await page.locator('nav.site').isVisible()).toBe(false);
		expect(await page.locator('figure[data-chart="findings-by-status"] table').isVisible()).toBe(true);
		expect(await page.locator('figure[data-chart="findings-by-status"] canvas').isVisible()).toBe(true);
		await page.context().close();
	});
});

describe('budgets', () => {
	it('keeps the sample within its JavaScript and CSS budgets (npm run budgets)', () => {
		const result = spawnSync(process.execPath, ['scripts/budgets.ts', site.dist], { cwd: ROOT, encoding: 'utf8' });
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(/findings\/INV-01\/index.html +\d+\.\d/);
	});
});
