import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { launch } from './lib/browser.ts';
import { serve } from './lib/serve.ts';
import { unzipInto } from './lib/unzip.ts';
import { main } from './cli.ts';
import { OFFLINE_INDEX } from '../src/lib/search/api.ts';

/** The search page's pause after the last keystroke before it searches (src/scripts/search.ts). */
const TYPING_PAUSE = 200;

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

/** Bytes on disk of the files under `folder` that a page opened from disk asked for. */
function readFromDisk(urls: readonly string[], folder: string): { files: number; bytes: number } {
	const paths = [...new Set(urls.map((url) => decodeURIComponent(new URL(url).pathname)))].filter((path) =>
		path.startsWith(folder),
	);
	return { files: paths.length, bytes: paths.reduce((sum, path) => sum + statSync(path).size, 0) };
}

/**
 * Opens the offline edition's search page from disk, waits until its index is ready, then puts the words in the box
 * at once, as the last keystroke (or a paste) does, with no earlier search having read anything for them: the
 * milliseconds from that input to the results shown (the frame after the status gives the count), which include the
 * page's pause after typing; and the search index's files read on opening and after the input.
 */
async function typedSearch(browser: Browser, root: string, words: string) {
	const page = await browser.newPage();
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	await page.goto(`file://${root}/search/index.html`);
	await page
		.locator('.search-status')
		.filter({ hasText: /^Type words/ })
		.waitFor({ timeout: 60_000 });
	const opening = readFromDisk(requests, join(root, OFFLINE_INDEX));
	requests.length = 0;
	const ms = await page.locator('input[type="search"]').evaluate(
		(input: HTMLInputElement, words) =>
			new Promise<number>((resolve) => {
				const status = document.querySelector('.search-status')!;
				let typed = 0;
				new MutationObserver((_, observer) => {
					if (!/result|Nothing found/.test(status.textContent ?? '')) return;
					observer.disconnect();
					requestAnimationFrame(() => resolve(performance.now() - typed));
				}).observe(status, { childList: true, characterData: true, subtree: true });
				input.value = words;
				typed = performance.now();
				input.dispatchEvent(new InputEvent('input', { bubbles: true, data: words }));
			}),
		words,
	);
	const status = await page.locator('.search-status').innerText();
	const searching = readFromDisk(requests, join(root, OFFLINE_INDEX));
	await page.close();
	return { ms, status, opening, searching };
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;
const kb = (bytes: number) => `${(bytes / 1e3).toFixed(0)} KB`;

/** The same search in the offline edition, unzipped and opened from disk. */
async function offlineSearch(browser: Browser, dist: string, words: string) {
	const zip = readdirSync(join(dist, 'data')).find((file) => file.endsWith('-offline.zip'));
	if (!zip) return;
	const work = mkdtempSync(join(tmpdir(), 'findings-bench-offline-'));
	try {
		unzipInto(join(dist, 'data', zip), work);
		const root = join(work, zip.replace(/\.zip$/, ''));
		const folder = join(root, OFFLINE_INDEX);
		const parts = readdirSync(folder);
		const index = parts.reduce((sum, file) => sum + statSync(join(folder, file)).size, 0);
		const opened = await firstSearch(browser, `file://${root}/search/index.html?q=${encodeURIComponent(words)}`);
		const typed = await typedSearch(browser, root, words);
		console.log(`| offline edition: ${zip} | ${mb(statSync(join(dist, 'data', zip)).size)} |`);
		console.log(`| offline edition: search index, ${OFFLINE_INDEX} | ${mb(index)} in ${parts.length} files |`);
		console.log(`| offline edition: first search for "${words}" | ${typed.status} |`);
		console.log(
			`| offline edition: read from disk on opening the search page | ${kb(typed.opening.bytes)} in ${typed.opening.files} files |`,
		);
		console.log(
			`| offline edition: read from disk for the first search | ${kb(typed.searching.bytes)} in ${typed.searching.files} files |`,
		);
		console.log(
			`| offline edition: last keystroke to results shown (file://, with the page's ${TYPING_PAUSE} ms pause) | ${typed.ms.toFixed(0)} ms |`,
		);
		console.log(
			`| offline edition: opening the search page with the words to results (file://) | ${opened.ms.toFixed(0)} ms |`,
		);
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
