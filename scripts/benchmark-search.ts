import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launch } from './lib/browser.ts';
import { serve } from './lib/serve.ts';
import { unzipInto } from './lib/unzip.ts';
import { main } from './cli.ts';

/** Opens a search page and waits for its first answer: the status it shows and the milliseconds it took. */
async function firstSearch(browser: Browser, url: string, onResponse?: (url: string, body: Buffer) => void) {
	const page = await browser.newPage();
	if (onResponse)
		page.on('response', async (response) =>
			onResponse(response.url(), await response.body().catch(() => Buffer.alloc(0))),
		);
	const started = performance.now();
	await page.goto(url);
	await page
		.locator('.search-status')
		.filter({ hasText: /result|Nothing found/ })
		.waitFor({ timeout: 60_000 });
	const ms = performance.now() - started;
	await page
		.locator('.search-results li')
		.first()
		.waitFor({ timeout: 10_000 })
		.catch(() => {});
	const status = await page.locator('.search-status').innerText();
	await page.close();
	return { status, ms };
}

/** The same search in the offline edition, unzipped and opened from disk. */
async function offlineSearch(browser: Browser, dist: string, words: string) {
	const zip = readdirSync(join(dist, 'data')).find((file) => file.endsWith('-offline.zip'));
	if (!zip) return;
	const work = mkdtempSync(join(tmpdir(), 'findings-bench-offline-'));
	try {
		unzipInto(join(dist, 'data', zip), work);
		const root = join(work, zip.replace(/\.zip$/, ''));
		const index = statSync(join(root, '_offline/search-index.js')).size;
		const { status, ms } = await firstSearch(
			browser,
			`file://${root}/search/index.html?q=${encodeURIComponent(words)}`,
		);
		console.log(`| offline edition: ${zip} | ${(statSync(join(dist, 'data', zip)).size / 1e6).toFixed(2)} MB |`);
		console.log(
			`| offline edition: search records, _offline/search-index.js | ${(index / 1e6).toFixed(2)} MB, read whole from disk |`,
		);
		console.log(`| offline edition: first search for "${words}" | ${status} |`);
		console.log(`| offline edition: time to results (file://) | ${ms.toFixed(0)} ms |`);
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
}

/**
 * `npm run benchmark:search -- <built site> <words> [base]`: the size of the search index on disk, and what
 * a first search costs a reader in Chromium: bytes fetched from the index (raw and gzipped) and time
 * from opening the search page to results shown; then the same search in the offline edition.
 */
await main(async () => {
	const [dist, words, base = '/'] = process.argv.slice(2);
	if (!dist || !words) {
		console.error('usage: npm run benchmark:search -- <built site> <words> [base]');
		return 1;
	}
	const folder = join(dist, 'pagefind');
	const files = readdirSync(folder, { recursive: true })
		.map(String)
		.filter((file) => statSync(join(folder, file)).isFile());
	const indexBytes = files.reduce((sum, file) => sum + statSync(join(folder, file)).size, 0);
	const server = await serve(dist, base);
	const browser = await launch();
	try {
		let raw = 0;
		let gzipped = 0;
		const { status, ms } = await firstSearch(
			browser,
			`${server.origin}${base}search/?q=${encodeURIComponent(words)}`,
			(url, body) => {
				if (!url.includes('/pagefind/')) return;
				raw += body.length;
				// Index chunks are gzipped already; the rest is what a static host would gzip.
				gzipped += /\.pf_|\.pagefind$/.test(url) ? body.length : gzipSync(body).length;
			},
		);
		console.log(`| index on disk | ${(indexBytes / 1e6).toFixed(2)} MB in ${files.length} files |`);
		console.log(`| first search for "${words}" | ${status} |`);
		console.log(
			`| fetched from the index | ${(raw / 1e3).toFixed(0)} KB (${(gzipped / 1e3).toFixed(0)} KB over the wire, gzipped) |`,
		);
		console.log(`| time to results (localhost) | ${ms.toFixed(0)} ms |`);
		await offlineSearch(browser, dist, words);
		return 0;
	} finally {
		await browser.close();
		await server.close();
	}
});
