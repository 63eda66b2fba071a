import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type DefaultTreeAdapterTypes as Tree } from 'parse5';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineContentSecurityPolicy } from '../../src/lib/offline/html.ts';
import { launch } from '../support/browser.ts';
import { fixture, run } from '../support/run.ts';
import { serve } from '../support/serve.ts';
import { unzipInto } from '../support/unzip.ts';
import { storedOffline } from '../support/waits.ts';

/** Written out in full, so that any change to the policy is a change to this test too. */
const HOSTED =
	"default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'";
const OFFLINE =
	"default-src 'self' file:; script-src 'self' 'wasm-unsafe-eval' file:; style-src 'self' file:; img-src 'self' file:; connect-src 'self' file:; worker-src 'self' file:; object-src 'none'; base-uri 'self' file:; form-action 'self' file:";

/** One page of each type of the sample, each with what shows that its scripts have run. */
const PAGES: Record<string, string> = {
	overview: '',
	themes: 'themes/',
	theme: 'themes/information-sharing/',
	findings: 'findings/?status=completed',
	finding: 'findings/INV-01/',
	search: 'search/?q=records',
	recommendations: 'recommendations/',
	data: 'data/',
	chapter: 'introduction/',
};

const work = mkdtempSync(join(tmpdir(), 'findings-csp-'));
let browser: Browser;
let sample: { dist: string; origin: string; edition: string; close(): Promise<void> };
let second: { dist: string; origin: string; edition: string; close(): Promise<void> };

/** Builds a report, serves it under its base path and unzips its offline edition. */
async function build(name: string, env: Record<string, string>, base: string) {
	const dist = join(work, `${name}-site`);
	const result = run('build', { ...env, REPORT_OUT: dist });
	expect(result.status, result.stderr).toBe(0);
	const [zip] = readdirSync(join(dist, 'data')).filter((file) => file.endsWith('-offline.zip'));
	unzipInto(join(dist, 'data', zip!), join(work, name));
	const server = await serve(dist, base);
	return {
		dist,
		origin: server.origin + base,
		edition: join(work, name, zip!.replace(/\.zip$/, '')),
		close: server.close,
	};
}

beforeAll(async () => {
	sample = await build('sample', {}, '/');
	second = await build('second', { REPORT_CONTENT: fixture('second-report') }, '/procurement-2025/');
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
	await sample?.close();
	await second?.close();
	rmSync(work, { recursive: true, force: true });
});

type Recorded = Window & { cspViolations?: string[] };

/**
 * A page in a fresh context that records every breach of its policy: the `securitypolicyviolation` events of
 * each document it shows (recorded from before the page's first script), and what Chromium logs, which also
 * names breaches the events do not reach, such as WebAssembly refused.
 */
async function open(url: string): Promise<{ page: Page; violations(): Promise<string[]> }> {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light' });
	await context.addInitScript(() => {
		const seen: string[] = [];
		(window as Recorded).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(
				`${event.effectiveDirective}: ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`,
			),
		);
	});
	const page = await context.newPage();
	const logged: string[] = [];
	page.on('console', (message) => {
		if (/content security policy/i.test(message.text())) logged.push(message.text());
	});
	page.on('pageerror', (error) => logged.push(`error: ${error.message}`));
	await page.goto(url);
	return {
		page,
		violations: async () => [...logged, ...(await page.evaluate(() => (window as Recorded).cspViolations ?? []))],
	};
}

/** Every HTML file under a folder, by its path from there. */
function htmlFiles(root: string): string[] {
	return readdirSync(root, { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('.html'))
		.sort();
}

function* elements(node: Tree.ParentNode): Generator<Tree.Element> {
	for (const child of node.childNodes) {
		if (!('tagName' in child)) continue;
		yield child;
		yield* elements(child);
		if ('content' in child) yield* elements(child.content);
	}
}

const attribute = (element: Tree.Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;

/** What a page breaks of the rules the policy relies on: its policy, first in <head>, and nothing inline. */
function pageProblems(html: string, policy: string): string[] {
	const problems: string[] = [];
	const document = parse(html);
	const all = [...elements(document)];
	const head = all.find((element) => element.tagName === 'head')!;
	const metas = all.filter(
		(element) =>
			element.tagName === 'meta' && attribute(element, 'http-equiv')?.toLowerCase() === 'content-security-policy',
	);
	if (metas.length !== 1 || metas[0]!.parentNode !== head) problems.push(`${metas.length} policies, not one in <head>`);
	else {
		if (attribute(metas[0]!, 'content') !== policy) problems.push(`policy ${attribute(metas[0]!, 'content')}`);
		// Only what comes after the policy is governed by it: before it, the character set alone.
		const inHead = head.childNodes.filter((node): node is Tree.Element => 'tagName' in node);
		const early = inHead
			.slice(0, inHead.indexOf(metas[0]!))
			.filter((element) => element.tagName !== 'meta' || attribute(element, 'charset') === undefined);
		if (early.length) problems.push(`before the policy: ${early.map((element) => element.tagName).join(', ')}`);
	}
	for (const element of all) {
		if (
			element.tagName === 'script' &&
			attribute(element, 'src') === undefined &&
			attribute(element, 'type') !== 'application/json'
		)
			problems.push('an inline script');
		if (element.tagName === 'style') problems.push('a <style> element');
		for (const { name, value } of element.attrs) {
			if (name === 'style') problems.push(`style="${value}" on <${element.tagName}>`);
			if (name.startsWith('on')) problems.push(`${name} on <${element.tagName}>`);
			if (/^\s*javascript:/i.test(value)) problems.push(`a javascript: ${name} on <${element.tagName}>`);
		}
	}
	return problems;
}

const chartsDrawn = (page: Page) =>
	page.evaluate(() => {
		const figures = [...document.querySelectorAll<HTMLElement & { chart?: unknown }>('figure[data-chart]')];
		// Drawn, at the height reserved for it, on a canvas of that size.
		return (
			figures.length > 0 &&
			figures.every((figure) => {
				const box = figure.querySelector<HTMLElement>('.chart-canvas')!;
				const canvas = figure.querySelector('canvas')!;
				return (
					Boolean(figure.chart) &&
					box.getBoundingClientRect().height === Number(box.dataset.height) &&
					canvas.clientHeight > 0 &&
					canvas.clientWidth > 0
				);
			})
		);
	});
const toggleShown = (page: Page) => page.locator('#theme-toggle').isVisible();
const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const DARK = 'rgb(20, 23, 27)';

/** What shows that each page type's own script has run, hosted or from disk. */
async function ready(name: string, page: Page): Promise<void> {
	const poll = { timeout: 30_000 };
	await expect.poll(() => toggleShown(page), poll).toBe(true);
	if (['overview', 'theme', 'chapter'].includes(name)) await expect.poll(() => chartsDrawn(page), poll).toBe(true);
	if (name === 'findings') {
		await expect
			.poll(() => page.locator('.explorer-status').innerText(), poll)
			.toBe('Showing 1 to 9 of 9 matching findings, of 62.');
		expect(await page.locator('[data-explorer] tbody tr').count()).toBe(9);
	}
	// The sample declares no site: the script completes the citation's address, or takes it out from disk.
	if (name === 'finding')
		await expect.poll(() => page.locator('.cite').innerText(), poll).not.toContain(' /findings/INV-01/');
	if (name === 'search')
		await expect.poll(() => page.locator('.search-status').innerText(), poll).toMatch(/^\d+ results for “records”\.$/);
}

describe('the Content-Security-Policy of the built site', () => {
	it('is in the head of every page before anything it governs, and no page has an inline script or style', () => {
		for (const [site, policy] of [
			[sample, HOSTED],
			[second, HOSTED],
			[{ dist: sample.edition }, OFFLINE],
			[{ dist: second.edition }, OFFLINE],
		] as const) {
			const files = htmlFiles(site.dist);
			expect(files.length).toBeGreaterThan(5);
			for (const file of files)
				expect(pageProblems(readFileSync(join(site.dist, file), 'utf8'), policy), join(site.dist, file)).toEqual([]);
		}
	});

	it('allows no inline script, no eval of JavaScript and no plugin, and in the offline edition only adds files', () => {
		for (const policy of [HOSTED, OFFLINE]) {
			expect(policy).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|\*/);
			expect(policy).toContain("object-src 'none'");
		}
		expect(offlineContentSecurityPolicy(HOSTED)).toBe(OFFLINE);
		expect(offlineContentSecurityPolicy(OFFLINE)).toBe(OFFLINE);
	});

	it.each(Object.entries(PAGES))('breaches nothing on the %s page, whose scripts all run', async (name, path) => {
		const { page, violations } = await open(sample.origin + path);
		await ready(name, page);
		if (name === 'overview') {
			// The service worker is a worker too.
			await storedOffline(page);
		}
		expect(await violations()).toEqual([]);
		await page.context().close();
	});

	it('searches with Pagefind in its worker, and on the page itself where workers fail', async () => {
		const { page, violations } = await open(`${sample.origin}search/?q=records`);
		await ready('search', page);
		expect(page.workers().map((worker) => new URL(worker.url()).pathname)).toContain('/pagefind/pagefind-worker.js');
		// Without a worker Pagefind compiles its WebAssembly on the page: that is what 'wasm-unsafe-eval' allows.
		// A string, not a function: Vitest would rewrite a function's import() into a helper the page does not have.
		const found = await page.evaluate<number>(`(async () => {
			const pagefind = await import('/pagefind/pagefind.js');
			const instance = pagefind.createInstance({ noWorker: true, basePath: '/pagefind/' });
			return (await instance.search('records')).results.length;
		})()`);
		expect(found).toBeGreaterThan(0);
		expect(await violations()).toEqual([]);
		await page.context().close();
	});

	it('switches to the dark theme, which the next page has before it is painted', async () => {
		for (const origin of [sample.origin, second.origin]) {
			const { page, violations } = await open(origin);
			// The toggle is shown by a module script, which a loaded machine may run more than a second after the load.
			await expect.poll(() => toggleShown(page), { timeout: 5000 }).toBe(true);
			await page.getByRole('button', { name: 'Dark theme' }).click();
			expect(await background(page)).toBe(DARK);
			expect(await violations()).toEqual([]);
			await page.getByRole('navigation', { name: 'Report' }).getByRole('link', { name: 'Recommendations' }).click();
			await page.waitForURL('**/recommendations/');
			// Set by the classic script in <head>, before the body exists.
			expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
			expect(await background(page)).toBe(DARK);
			await expect
				.poll(() => page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed'))
				.toBe('true');
			expect(await violations(), origin).toEqual([]);
			await page.context().close();
		}
	});

	it('breaches nothing on a report published under a base path', async () => {
		for (const [name, path] of [
			['overview', ''],
			['search', 'search/?q=contract'],
			['finding', 'findings/PA-1/'],
		] as const) {
			const { page, violations } = await open(second.origin + path);
			// The toggle is shown by a module script, which a loaded machine may run more than a second after the load.
			await expect.poll(() => toggleShown(page), { timeout: 5000 }).toBe(true);
			if (name === 'overview') await expect.poll(() => chartsDrawn(page), { timeout: 30_000 }).toBe(true);
			if (name === 'search')
				await expect
					.poll(() => page.locator('.search-status').innerText(), { timeout: 30_000 })
					.toMatch(/results? for “contract”\.$/);
			expect(await violations(), path).toEqual([]);
			await page.context().close();
		}
	});
});

describe('the Content-Security-Policy of the offline edition, opened from disk', () => {
	it.each(Object.entries(PAGES))('breaches nothing on the %s page, whose scripts all run', async (name, path) => {
		const [folder = '', query = ''] = path.split('?');
		const { page, violations } = await open(`file://${sample.edition}/${folder}index.html${query ? `?${query}` : ''}`);
		await ready(name, page);
		expect(await violations()).toEqual([]);
		await page.context().close();
	});

	it('switches to the dark theme from disk too, and keeps it on the next page', async () => {
		const { page, violations } = await open(`file://${sample.edition}/index.html`);
		await expect.poll(() => toggleShown(page), { timeout: 5000 }).toBe(true);
		await page.getByRole('button', { name: 'Dark theme' }).click();
		await page.getByRole('navigation', { name: 'Report' }).getByRole('link', { name: 'Data' }).click();
		await page.waitForURL('**/data/index.html');
		expect(await background(page)).toBe(DARK);
		expect(await violations()).toEqual([]);
		await page.context().close();
	});
});
