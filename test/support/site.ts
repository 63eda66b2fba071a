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
	/** Requests to any host but the site's own, across every page opened. */
	foreign: string[];
	open(path: string, options?: BrowserContextOptions): Promise<Page>;
	close(): Promise<void>;
}

/** Builds a report through `npm run build`, serves it on 127.0.0.1, and opens its pages in Chromium. */
export async function buildAndServe(env: Record<string, string> = {}, base = '/'): Promise<Site> {
	const work = mkdtempSync(join(tmpdir(), 'findings-e2e-'));
	const dist = join(work, 'dist');
	const result = run('build', { ...env, REPORT_OUT: dist });
	expect(result.status, result.stderr).toBe(0);
	const server = await serve(dist, base);
	const browser: Browser = await launch();
	const foreign: string[] = [];
	return {
		dist,
		origin: server.origin,
		foreign,
		async open(path, options = {}) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', ...options });
			const page = await context.newPage();
			page.on('request', (request) => {
				if (!request.url().startsWith(server.origin)) foreign.push(request.url());
			});
			const response = await page.goto(server.origin + path);
			expect(response?.status(), path).toBe(200);
			return page;
		},
		async close() {
			await browser.close();
			await server.close();
			rmSync(work, { recursive: true, force: true });
		},
	};
}
