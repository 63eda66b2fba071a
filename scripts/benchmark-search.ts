import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launch } from '../test/support/browser.ts';
import { serve } from '../test/support/serve.ts';
import { main } from './cli.ts';

/**
 * `npm run benchmark:search -- <built site> <words> [base]`: the size of the search index on disk, and what
 * a first search costs a reader in Chromium: bytes fetched from the index (raw and gzipped) and time
 * from opening the search page to results shown.
 */
await main(async () => {
	const [dist, words, base = '/'] = process.argv.slice(2);
	if (!dist || !words) {
		console.error('usage: npm run benchmark:search -- <built site> <words> [base]');
		return 1;
	}
	const folder = join(dist, 'pagefind');
	const files = readdirSync(folder, { recursive: true }).map(String).filter((file) => statSync(join(folder, file)).isFile());
	const indexBytes = files.reduce((sum, file) => sum + statSync(join(folder, file)).size, 0);
	const server = await serve(dist, base);
	const browser = await launch();
	try {
		const page = await browser.newPage();
		let raw = 0;
		let gzipped = 0;
		page.on('response', async (response) => {
			if (!response.url().includes('/pagefind/')) return;
			const body = await response.body().catch(() => Buffer.alloc(0));
			raw += body.length;
			// Index chunks are gzipped already; the rest is what a static host would gzip.
			gzipped += /\.pf_|\.pagefind$/.test(response.url()) ? body.length : gzipSync(body).length;
		});
		const started = performance.now();
		await page.goto(`${server.origin}${base}search/?q=${encodeURIComponent(words)}`);
		await page.locator('.search-status').filter({ hasText: /result|Nothing found/ }).waitFor({ timeout: 60_000 });
		const ms = performance.now() - started;
		await page.locator('.search-results li').first().waitFor({ timeout: 10_000 }).catch(() => {});
		const status = await page.locator('.search-status').innerText();
		console.log(`| index on disk | ${(indexBytes / 1e6).toFixed(2)} MB in ${files.length} files |`);
		console.log(`| first search for "${words}" | ${status} |`);
		console.log(`| fetched from the index | ${(raw / 1e3).toFixed(0)} KB (${(gzipped / 1e3).toFixed(0)} KB over the wire, gzipped) |`);
		console.log(`| time to results (localhost) | ${ms.toFixed(0)} ms |`);
		return 0;
	} finally {
		await browser.close();
		await server.close();
	}
});
