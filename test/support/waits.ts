import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** Waits until the page says the report is stored for offline reading (the service worker is ready). */
export async function storedOffline(page: Page): Promise<void> {
	const status = () =>
		page
			.locator('.offline-status')
			.innerText()
			.catch(() => '');
	await expect.poll(status, { timeout: 30_000 }).toBe('This report is available offline on this device.');
}

/** Waits until the chart of that name has been drawn by Chart.js (its figure holds the chart). */
export async function chartDrawn(page: Page, name: string): Promise<void> {
	const drawn = () =>
		page
			.locator(`figure[data-chart="${name}"]`)
			.evaluate((figure) => Boolean((figure as HTMLElement & { chart?: unknown }).chart));
	await expect.poll(drawn, { timeout: 15_000 }).toBe(true);
}
