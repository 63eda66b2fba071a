import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.ts';
import { buildAndServe, type Site } from '../support/site.ts';

const SHOTS = join(ROOT, 'test-results');

let site: Site;
beforeAll(async () => {
	site = await buildAndServe();
	mkdirSync(SHOTS, { recursive: true });
});
afterAll(() => site?.close());

const open = (path: string, width: number, height = 900) =>
	site.open(path, { viewport: { width, height }, colorScheme: 'light' });

/** The explorer has taken over the table once it has said what it shows. */
const explorerReady = (page: Page) =>
	expect.poll(() => page.locator('.explorer-status').textContent(), { timeout: 15_000 }).toMatch(/^Showing/);

describe('the findings table at desktop width', () => {
	it('keeps every title to two lines, so that 62 findings make a page of reasonable length', async () => {
		const page = await open('/findings/', 1280);
		await explorerReady(page);
		const cells = await page.locator('[data-explorer] tbody td.title').evaluateAll((tds) =>
			tds.map((td) => {
				const style = getComputedStyle(td);
				const lineHeight = parseFloat(style.lineHeight);
				// The cell is as tall as its row: this holds every cell of the row to two lines, not the title alone.
				const content = td.clientHeight - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
				return { text: td.textContent!, lines: content / lineHeight };
			}),
		);
		expect(cells).toHaveLength(62);
		for (const { text, lines } of cells) expect(lines, text).toBeLessThanOrEqual(2.05);
		// 7,455 px before, with titles over four lines; 4,720 px measured since, of which the open filters take 570.
		const height = await page.evaluate(() => document.documentElement.scrollHeight);
		expect(height).toBeLessThan(5_200);
		await page.screenshot({ path: join(SHOTS, 'table-layout-1280.png') });
		await page.context().close();
	});

	it('keeps its numeric columns narrow, right-aligned and in tabular figures, long labels shortened', async () => {
		const page = await open('/findings/', 1280);
		await explorerReady(page);
		const columns = await page.locator('[data-explorer] thead th.num').evaluateAll((ths) =>
			ths.map((th) => ({
				width: th.getBoundingClientRect().width,
				align: getComputedStyle(th).textAlign,
				figures: getComputedStyle(th.closest('table')!).fontVariantNumeric,
			})),
		);
		expect(columns).toHaveLength(3);
		for (const column of columns) {
			expect(column.width).toBeLessThan(130);
			// `end`: the right in a left-to-right page, the left in a right-to-left one.
			expect(column.align).toBe('end');
			expect(column.figures).toBe('tabular-nums');
		}
		// The long label stays whole for screen readers and on hover.
		const button = page.getByRole('button', { name: 'Allegations about unidentified officers' });
		expect(await button.innerText()).toMatch(/^Unidentified/);
		expect(await button.locator('abbr').getAttribute('title')).toBe('Allegations about unidentified officers');
		await page.context().close();
	});

	it('keeps the header row in view while the page scrolls', async () => {
		const page = await open('/findings/', 1280);
		await explorerReady(page);
		await page.evaluate(() => {
			const table = document.querySelector('[data-explorer] table')!;
			window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY + 1500);
		});
		const header = await page.evaluate(() => {
			const th = document.querySelector<HTMLElement>('[data-explorer] thead th')!;
			const box = th.getBoundingClientRect();
			const above = document.elementFromPoint(box.left + 4, box.top + 4);
			return { top: box.top, bottom: box.bottom, onTop: Boolean(above?.closest('thead')), scrolled: window.scrollY };
		});
		expect(header.scrolled).toBeGreaterThan(1500);
		expect(header.top).toBeGreaterThanOrEqual(0);
		expect(header.top).toBeLessThan(2);
		expect(header.bottom).toBeLessThan(900);
		expect(header.onTop).toBe(true);
		await page.screenshot({ path: join(SHOTS, 'table-layout-1280-scrolled.png') });
		await page.context().close();
	});
});

describe('the findings table on a phone', () => {
	it('scrolls inside its own region, never the page sideways', async () => {
		const page = await open('/findings/', 375, 812);
		await explorerReady(page);
		const widths = await page.evaluate(() => {
			const region = document.querySelector<HTMLElement>('[data-explorer] .table-wrap')!;
			return {
				page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
				region: region.scrollWidth - region.clientWidth,
				focusable: region.tabIndex === 0,
			};
		});
		expect(widths.page).toBeLessThanOrEqual(0);
		expect(widths.region).toBeGreaterThan(0);
		expect(widths.focusable).toBe(true);
		await page.screenshot({ path: join(SHOTS, 'table-layout-375.png') });
		await page.context().close();
	});
});

describe('layout shifts of the findings table', () => {
	// At Lighthouse's phone size. On a wide screen the script still opens the filters above the table (see the report).
	it('moves nothing as the script takes over on a phone', async () => {
		const page = await open('/findings/', 412, 823);
		await explorerReady(page);
		await page.waitForTimeout(500);
		const shift = await page.evaluate(
			() =>
				new Promise<number>((resolve) => {
					let sum = 0;
					new PerformanceObserver((list) => {
						for (const entry of list.getEntries()) sum += (entry as unknown as { value: number }).value;
					}).observe({ type: 'layout-shift', buffered: true });
					// Buffered entries come at once; none at all means no callback.
					setTimeout(() => resolve(sum), 300);
				}),
		);
		expect(shift).toBeLessThan(0.02);
		await page.context().close();
	});
});
