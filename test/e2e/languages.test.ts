import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { launch } from '../support/browser.ts';
import { launchFirefox, type Firefox } from '../support/firefox.ts';
import { ROOT, run } from '../support/run.ts';
import { serve } from '../support/serve.ts';
import { unzipInto } from '../support/unzip.ts';
import { ENGLISH, SHIPPED } from '../../src/lib/i18n/catalogues.ts';

/**
 * Reports in French, Welsh and Arabic, read in both browsers with their scripts running: no page says a word of the
 * site's own in English, dates read as each language writes them, and Arabic reads from the right.
 */
const REPORTS = { fr: 'language-fr', cy: 'language-cy', ar: 'language-ar' } as const;
type Tag = keyof typeof REPORTS;
/** Welsh at the root, English under /en/. */
const BILINGUAL = 'bilingual-cy-en';
let bilingual: string;
let bilingualEdition: string;
const ID = { fr: 'FR-001', cy: 'CY-001', ar: 'AR-001' } as const;

/** One page of each type; the table filtered and the search run, so that their scripts have spoken. */
const pages = (tag: Tag): Record<string, string> => ({
	overview: '',
	themes: 'themes/',
	findings: 'findings/?status=completed',
	finding: `findings/${ID[tag]}/`,
	recommendations: 'recommendations/',
	data: 'data/',
	search: 'search/?q=a',
	changes: 'changes/',
});
const SHOTS = join(ROOT, 'test-results');

/** The words of a message outside its arguments, at any depth of its plurals. */
function literals(nodes: readonly MessageFormatElement[]): string[] {
	return nodes.flatMap((node) =>
		node.type === 0
			? [node.value]
			: 'options' in node
				? Object.values(node.options).flatMap((o) => literals(o.value))
				: [],
	);
}

/**
 * The English the site writes, as phrases to look for: each run of words of its messages, of two words or more, or
 * one of six letters or more (“Overview”, “Findings”). A phrase the language's own catalogue also uses (“Status” in
 * German, “Total” in French) is that language's word too.
 */
function englishPhrases(tag: Tag): string[] {
	const own = Object.values(SHIPPED[tag]!).join(' ');
	const phrases = Object.entries(ENGLISH)
		.filter(([key]) => key !== 'language.name')
		.flatMap(([, text]) => literals(parse(text, { ignoreTag: true })))
		.flatMap((text) => text.split(/[.:;,()“”?!·—–]+|\s-\s/))
		.map((text) => text.trim())
		.filter(
			(text) => (text.includes(' ') ? text.length >= 7 : text.length >= 6) && /^[A-Za-z][A-Za-z ’']+$/.test(text),
		);
	return [...new Set(phrases)].filter((phrase) => !new RegExp(`\\b${phrase}\\b`).test(own));
}

/** Everything a reader or a screen reader gets: the text, the title, and the words in attributes. */
const READ = () =>
	[
		document.title,
		document.body.innerText,
		...[...document.querySelectorAll('[aria-label], [placeholder], [title], [alt]')].flatMap((element) =>
			['aria-label', 'placeholder', 'title', 'alt'].map((name) => element.getAttribute(name) ?? ''),
		),
	].join('\n');

/** Waits for the table's and the search's scripts to have written their status. */
const SPOKEN = () =>
	[...document.querySelectorAll('.search-status, .explorer-status')].every((element) => element.textContent?.trim());

const work = mkdtempSync(join(tmpdir(), 'findings-languages-'));
const origins = {} as Record<Tag, string>;
const closers: (() => Promise<void>)[] = [];
let chromium: Browser;
let firefox: Firefox;

beforeAll(async () => {
	for (const [tag, fixture] of Object.entries(REPORTS) as [Tag, string][]) {
		const out = join(work, tag);
		const result = run('build', { REPORT_OUT: out }, [join(ROOT, 'test', 'fixtures', fixture)]);
		expect(result.status, result.stderr).toBe(0);
		const server = await serve(out);
		origins[tag] = `${server.origin}/`;
		closers.push(server.close);
	}
	const out = join(work, 'bilingual');
	const result = run('build', { REPORT_OUT: out }, [join(ROOT, 'test', 'fixtures', BILINGUAL)]);
	expect(result.status, result.stderr).toBe(0);
	const server = await serve(out);
	bilingual = `${server.origin}/`;
	closers.push(server.close);
	const [zip] = readdirSync(join(out, 'data')).filter((file) => file.endsWith('-offline.zip'));
	unzipInto(join(out, 'data', zip!), join(work, 'bilingual-offline'));
	bilingualEdition = join(work, 'bilingual-offline', zip!.replace(/\.zip$/, ''));
	chromium = await launch();
	firefox = await launchFirefox();
	mkdirSync(SHOTS, { recursive: true });
}, 240_000);
afterAll(async () => {
	await chromium?.close();
	await firefox?.close();
	for (const close of closers) await close();
	rmSync(work, { recursive: true, force: true });
});

/** What each page of a report reads, in Chromium or in Firefox, once its scripts have run. */
async function readPages(tag: Tag, engine: 'chromium' | 'firefox'): Promise<Record<string, string>> {
	const read: Record<string, string> = {};
	for (const [type, path] of Object.entries(pages(tag))) {
		const url = origins[tag] + path;
		if (engine === 'chromium') {
			const page = await chromium.newPage();
			await page.goto(url);
			await page.waitForFunction(SPOKEN);
			read[type] = await page.evaluate(READ);
			await page.screenshot({ path: join(SHOTS, `language-${tag}-${type}-chromium.png`), fullPage: true });
			await page.close();
		} else {
			const context = await firefox.browser.createBrowserContext();
			const page = await context.newPage();
			await page.setViewport({ width: 1280, height: 900 });
			await page.goto(url);
			await page.waitForFunction(SPOKEN);
			read[type] = await page.evaluate(READ);
			await context.close();
		}
	}
	return read;
}

/** The English phrases a page says, each with the page type it is on. */
function english(tag: Tag, read: Record<string, string>): string[] {
	const phrases = englishPhrases(tag);
	// File names are keys, the same in every language (findings-by-outcome.csv): not words the page says.
	const words = (text: string) => text.replace(/[\w.-]+\.(csv|json|zip|xml)\b/g, ' ');
	return Object.entries(read).flatMap(([type, text]) =>
		phrases
			.filter((phrase) => new RegExp(`(^|[^A-Za-z])${phrase}([^A-Za-z]|$)`).test(words(text)))
			.map((p) => `${type}: ${p}`),
	);
}

describe.each(['chromium', 'firefox'] as const)('in %s', (engine) => {
	it.each(Object.keys(REPORTS) as Tag[])(
		'no page of the %s report says a word of the site in English',
		async (tag) => {
			const read = await readPages(tag, engine);
			expect(english(tag, read)).toEqual([]);
			if (tag === 'fr') expect(read.overview).toContain('13 février 2023');
			if (tag === 'cy') expect(read.overview).toContain('31 Mawrth 2024');
		},
		120_000,
	);
});

describe('the right-to-left report', () => {
	it('is laid out from the right, without sideways scroll at 320 px, and axe finds nothing', async () => {
		const page = await chromium.newPage({ viewport: { width: 320, height: 800 } });
		for (const path of Object.values(pages('ar'))) {
			await page.goto(origins.ar + path);
			await page.waitForFunction(SPOKEN);
			expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
			expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
			expect(await axeViolations(page), path).toEqual([]);
		}
		// The masthead's title starts at the right edge, as Arabic reads.
		const box = await page.locator('header.site .title').boundingBox();
		expect(box!.x + box!.width).toBeGreaterThan(320 - 40);
		await page.goto(origins.ar);
		await page.screenshot({ path: join(SHOTS, 'language-ar-overview-320.png'), fullPage: true });
		await page.close();
	}, 120_000);

	it('draws its charts from the right', async () => {
		const page = await chromium.newPage();
		await page.goto(origins.ar);
		await page.locator('figure[data-chart] canvas').first().scrollIntoViewIfNeeded();
		await page.waitForFunction(
			() => !document.querySelector('figure[data-chart] .chart-canvas')?.hasAttribute('hidden'),
		);
		const options = await page.evaluate(async () => {
			const figure = document.querySelector('figure[data-chart]') as HTMLElement & {
				chart?: { options: { scales: { x: { reverse: boolean }; y: { position: string } } } };
			};
			for (let i = 0; i < 50 && !figure.chart; i++) await new Promise((resolve) => setTimeout(resolve, 100));
			return { reverse: figure.chart?.options.scales.x.reverse, position: figure.chart?.options.scales.y.position };
		});
		expect(options).toEqual({ reverse: true, position: 'right' });
		await page.close();
	});
});

describe('the Welsh report', () => {
	it('passes axe on every page type', async () => {
		const page = await chromium.newPage();
		for (const path of Object.values(pages('cy'))) {
			await page.goto(origins.cy + path);
			await page.waitForFunction(SPOKEN);
			expect(await axeViolations(page), path).toEqual([]);
		}
		await page.close();
	}, 120_000);
});

/** The addresses of the results a search page shows, once it has said how many. */
const RESULTS = () =>
	[...document.querySelectorAll<HTMLAnchorElement>('.search-results h2 a')].map((link) => new URL(link.href).pathname);

describe.each(['chromium', 'firefox'] as const)('a Welsh–English report in %s', (engine) => {
	/** Opens a page, waits for its scripts to speak, and gives what `read` finds there. */
	async function on<T>(url: string, read: () => T, ready: () => boolean = SPOKEN): Promise<T> {
		if (engine === 'chromium') {
			const page = await chromium.newPage();
			await page.goto(url);
			await page.waitForFunction(ready);
			const value = await page.evaluate(read);
			await page.close();
			return value;
		}
		const context = await firefox.browser.createBrowserContext();
		const page = await context.newPage();
		await page.goto(url);
		await page.waitForFunction(ready);
		const value = (await page.evaluate(read)) as T;
		await context.close();
		return value;
	}

	it('searches each language’s pages only, in that language’s words', async () => {
		// Both searches find pages: wait for them, not for the first thing the status says (on a busy machine,
		// "Searching…").
		const found = () => document.querySelectorAll('.search-results h2 a').length > 0;
		const english = await on(`${bilingual}en/search/?q=CY-001`, RESULTS, found);
		expect(english.length).toBeGreaterThan(0);
		expect(english.every((href) => href.startsWith('/en/'))).toBe(true);
		const welsh = await on(`${bilingual}search/?q=CY-001`, RESULTS, found);
		expect(welsh.length).toBeGreaterThan(0);
		expect(welsh.some((href) => href.startsWith('/en/'))).toBe(false);
		const status = () => document.querySelector('.search-status')!.textContent;
		expect(await on(`${bilingual}en/search/?q=CY-001`, status, found)).toMatch(/^\d+ results? for “CY-001”\.$/);
		expect(await on(`${bilingual}search/?q=CY-001`, status, found)).not.toMatch(/result/);
	});

	it('links each page to its counterpart, both ways', async () => {
		const links = () =>
			[...document.querySelectorAll<HTMLAnchorElement>('nav.languages a')].map((link) => [
				link.textContent,
				link.getAttribute('href'),
			]);
		expect(await on(`${bilingual}themes/cadw-cofnodion/`, links)).toEqual([
			['Cymraeg', '/themes/cadw-cofnodion/'],
			['English', '/en/themes/cadw-cofnodion/'],
		]);
		expect(await on(`${bilingual}en/methodology/`, links)).toEqual([
			['Cymraeg', '/methodoleg/'],
			['English', '/en/methodology/'],
		]);
	});
});

describe('the Welsh–English offline edition', () => {
	it('holds both languages, and searches each from disk', async () => {
		const page = await chromium.newPage();
		for (const [path, english] of [
			['en/search/index.html?q=CY-001', true],
			['search/index.html?q=CY-001', false],
		] as const) {
			await page.goto(`file://${bilingualEdition}/${path}`);
			await page.waitForFunction(() => document.querySelectorAll('.search-results h2 a').length > 0);
			const paths = (await page.evaluate(RESULTS)).map((href) => href.slice(bilingualEdition.length));
			expect(
				paths.every((href) => href.startsWith('/en/') === english),
				paths.join(' '),
			).toBe(true);
		}
		await page.close();
	});
});
