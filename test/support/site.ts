import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { expect } from 'vitest';
import { launch } from './browser.ts';
import { run } from './run.ts';
import { serve } from './serve.ts';

export interface Site {
	dist: string;
	origin: string;
	open(path: string, options?: BrowserContextOptions): Promise<Page>;
	/** Opens an address the server does not serve, such as a page of the unzipped offline edition. */
	openUrl(url: string, options?: BrowserContextOptions): Promise<Page>;
	/**
	 * Every address asked for by a page opened here, from its own document on: its scripts, styles, imports,
	 * fetches and workers, and its service worker's, in the order asked.
	 */
	requests(page: Page): string[];
	close(): Promise<void>;
}

/** The requests in `urls` to a host other than `origin`'s; a data: address goes to no host. */
export function otherHosts(urls: readonly string[], origin: string): string[] {
	return urls.filter((url) => !url.startsWith('data:') && new URL(url).origin !== origin);
}

/** Builds a report through `npm run build`, serves it on 127.0.0.1, and opens its pages in Chromium. */
export async function buildAndServe(env: Record<string, string> = {}, base = '/'): Promise<Site> {
	const work = mkdtempSync(join(tmpdir(), 'findings-e2e-'));
	const dist = join(work, 'dist');
	const result = run('build', { ...env, REPORT_OUT: dist });
	expect(result.status, result.stderr).toBe(0);
	const server = await serve(dist, base);
	const browser: Browser = await launch();
	const requests = new WeakMap<Page, string[]>();

	async function newPage(options: BrowserContextOptions): Promise<Page> {
		const context = await browser.newContext({
			viewport: { width: 1280, height: 900 },
			colorScheme: 'light',
			...options,
		});
		const page = await context.newPage();
		const seen: string[] = [];
		requests.set(page, seen);
		// On the context, not the page: a service worker's requests are the context's. Each page has a context of
		// its own, so these are the page's alone.
		context.on('request', (request) => seen.push(request.url()));
		return page;
	}

	return {
		dist,
		origin: server.origin,
		async open(path, options = {}) {
			const page = await newPage(options);
			const response = await page.goto(server.origin + path);
			expect(response?.status(), path).toBe(200);
			return page;
		},
		async openUrl(url, options = {}) {
			const page = await newPage(options);
			await page.goto(url);
			return page;
		},
		requests(page) {
			const seen = requests.get(page);
			if (!seen) throw new Error('This page was not opened by the site: its requests were not collected.');
			return [...seen];
		},
		async close() {
			await browser.close();
			await server.close();
			rmSync(work, { recursive: true, force: true });
		},
	};
}
