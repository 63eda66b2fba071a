import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, Launcher } from 'chrome-launcher';
import lighthouse, { type Flags } from 'lighthouse';
import { outDir } from '../src/lib/content/dirs.ts';
import { main } from './cli.ts';
import { CHROMIUM } from './lib/browser.ts';
import { SAMPLE_PAGES } from './lib/sample-pages.ts';
import { serve } from './lib/serve.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/** chrome-launcher's default `--disable-features`, background services a measurement does not want. */
const DISABLED_FEATURES = (Launcher.defaultFlags().find((flag) => flag.startsWith('--disable-features=')) ?? '')
	.slice('--disable-features='.length)
	.split(',')
	.filter(Boolean);

interface Scores {
	performance: number;
	accessibility: number;
	bestPractices: number;
	seo: number;
	cls: number;
	tbt: number;
	lcp: number;
}

/**
 * A proxy that answers nothing and notes what reached it. Chromium sends it every request for a host other than
 * this machine (loopback is never proxied), the browser's own traffic included, so none leaves the machine and any
 * attempt is seen, which Lighthouse's own list of the page's requests would not show.
 */
async function trap(): Promise<{ url: string; seen: string[]; close(): Promise<void> }> {
	const seen: string[] = [];
	const server: Server = createServer((request, response) => {
		seen.push(request.url ?? '?');
		response.writeHead(403).end();
	});
	server.on('connect', (request, socket) => {
		seen.push(`CONNECT ${request.url ?? '?'}`);
		socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		url: `http://127.0.0.1:${port}`,
		seen,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * `npm run lighthouse [-- <built site>] [--runs=N] [--save=<folder>]`: Lighthouse's mobile audit of each page type of a built site
 * (default ./dist, so `npm run build` first), served from 127.0.0.1 to Debian's Chromium, printed as a Markdown
 * table. With several runs, each number is the median of its runs: scores vary from run to run on a busy machine.
 * `--save` keeps each run's full report as JSON. Exits 1 if anything asked for a host other than this machine.
 */
await main(async () => {
	const args = process.argv.slice(2);
	const runs = Number(args.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 1);
	const dist = args.find((arg) => !arg.startsWith('--')) ?? outDir();
	const save = args.find((arg) => arg.startsWith('--save='))?.slice('--save='.length);
	if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a whole number of runs, 1 or more');
	if (!existsSync(join(dist, 'index.html'))) throw new Error(`${dist} holds no built site: run npm run build first`);

	const server = await serve(dist);
	const proxy = await trap();
	const profile = mkdtempSync(join(tmpdir(), 'findings-lighthouse-'));
	const chrome = await launch({
		chromePath: CHROMIUM,
		userDataDir: profile,
		logLevel: 'silent',
		chromeFlags: [
			'--headless=new',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			// chrome-launcher's own list, which a second --disable-features would replace, and the clock's queries.
			`--disable-features=${[...DISABLED_FEATURES, 'NetworkTimeServiceQuerying'].join(',')}`,
			// Debian's build still asks Google for sign-in and updates: sent to a closed port of this machine instead.
			...['gaia-url', 'lso-url', 'google-apis-url'].map((name) => `--${name}=http://127.0.0.1:9`),
			'--component-updater=url-source=http://127.0.0.1:9',
			`--proxy-server=${proxy.url}`,
		],
	});
	const flags: Flags = {
		port: chrome.port,
		logLevel: 'error',
		output: 'json',
		onlyCategories: CATEGORIES,
	};
	const rows: string[] = [];
	const foreign: string[] = [];
	try {
		for (const [name, path] of Object.entries(SAMPLE_PAGES)) {
			const results: Scores[] = [];
			for (let run = 0; run < runs; run++) {
				const result = await lighthouse(server.origin + path, flags);
				if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
				if (save) {
					mkdirSync(save, { recursive: true });
					writeFileSync(join(save, `${name}-${run + 1}.json`), JSON.stringify(result.lhr));
				}
				const { categories, audits, runtimeError } = result.lhr;
				if (runtimeError) throw new Error(`${path}: ${runtimeError.code} ${runtimeError.message}`);
				const requests = (audits['network-requests']?.details as { items?: { url: string }[] } | undefined)?.items;
				for (const { url } of requests ?? [])
					if (/^(https?|wss?):/.test(url) && !url.startsWith(server.origin)) foreign.push(`${path}: ${url}`);
				results.push({
					performance: categories.performance?.score ?? NaN,
					accessibility: categories.accessibility?.score ?? NaN,
					bestPractices: categories['best-practices']?.score ?? NaN,
					seo: categories.seo?.score ?? NaN,
					cls: audits['cumulative-layout-shift']?.numericValue ?? NaN,
					tbt: audits['total-blocking-time']?.numericValue ?? NaN,
					lcp: audits['largest-contentful-paint']?.numericValue ?? NaN,
				});
			}
			const of = (key: keyof Scores) => median(results.map((scores) => scores[key]));
			rows.push(
				`| ${name} \`${path}\` | ${of('performance').toFixed(2)} | ${of('accessibility').toFixed(2)} | ${of('bestPractices').toFixed(2)} | ${of('seo').toFixed(2)} | ${of('cls').toFixed(3)} | ${Math.round(of('tbt'))} ms | ${(of('lcp') / 1000).toFixed(1)} s |`,
			);
			console.error(`${name} done`);
		}
	} finally {
		chrome.kill();
		await proxy.close();
		await server.close();
		rmSync(profile, { recursive: true, force: true });
	}
	console.log(`Lighthouse ${runs > 1 ? `(median of ${runs} runs) ` : ''}mobile, Chromium at ${CHROMIUM}\n`);
	console.log('| page | performance | accessibility | best practices | SEO | CLS | TBT | LCP |');
	console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
	for (const row of rows) console.log(row);
	foreign.push(...proxy.seen.map((url) => `browser: ${url}`));
	if (foreign.length) {
		console.error(`\nRequests for another host than 127.0.0.1:\n${foreign.join('\n')}`);
		return 1;
	}
	console.log('\nNo request went to another host.');
	return 0;
});
