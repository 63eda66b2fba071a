import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, type DefaultTreeAdapterTypes as Tree } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_INDEX, type SearchBackend } from '../../src/lib/search/api.ts';
import { engineFor } from '../../src/lib/search/engine.ts';
import { openOfflineIndex } from '../../src/lib/search/offline-index.ts';
import { partLoader } from '../support/offline-parts.ts';
import { fixture, run } from '../support/run.ts';
import { launch } from '../support/browser.ts';
import { serve } from '../support/serve.ts';
import { unzipInto } from '../support/unzip.ts';
import { writeTree } from '../support/tree.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-hostile-values-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The minimal report plus the given files, in a folder of its own. */
function report(name: string, files: Record<string, string>): string {
	const dir = join(work, name, 'report');
	cpSync(fixture('minimal-report'), dir, { recursive: true });
	return writeTree(dir, files);
}

/** What would end a script element, open a comment that hides the rest of the page, or start a script. */
const INJECTION = '</script><!--<script>alert(1)</script>';
/** A YAML value written as JSON, which YAML reads as the same text. */
const q = (text: string) => JSON.stringify(text);

/**
 * One report, written twice: clean, and with every text of report.yaml, the themes, a chapter and the findings
 * carrying an injection, and the labels and titles that facets are made of named like members of Object.prototype.
 * The keys are the same in both (an outcome named `constructor`, a metric too), so both build the same pages.
 */
function reportFiles(hostile: boolean, written = new Set<string>()): Record<string, string> {
	const t = (text: string) => {
		if (!hostile) return text;
		written.add(`${text} ${INJECTION}`);
		return `${text} ${INJECTION}`;
	};
	const named = (name: string, clean: string) => (hostile ? name : clean);
	const recommendation = (to: string, extra = '') => `  - { text: ${q(t('Recommend'))}, to: ${q(t(to))}${extra} }\n`;
	const finding = (fields: string, title: string) =>
		`---\ntitle: ${q(t(title))}\nsummary: ${q(t(`${title} summary`))}\ntags: [${q(t('tag'))}]\n${fields}---\nThe body of ${title}.\n`;
	return {
		'report.yaml': [
			`title: ${q(t('Report'))}`,
			`subtitle: ${q(t('Subtitle'))}`,
			`publisher: ${q(t('Publisher'))}`,
			'asAt: 2020-01-01',
			`edition: ${q(t('Edition'))}`,
			`notice: ${q(t('Notice'))}`,
			'metrics:',
			`  items: { label: ${q(t('Items'))}, description: ${q(t('Items counted'))} }`,
			`  constructor: { label: ${q(named('constructor', 'Constructors'))}, description: ${q(t('Constructors counted'))} }`,
			'outcomes:',
			`  constructor: { label: ${q(t('Outcome'))}, description: ${q(t('Outcome meaning'))} }`,
			`  upheld: { label: ${q(named('__proto__', 'Upheld'))} }`,
			'statuses:',
			`  open: { label: ${q(named('toString', 'Open'))}, description: ${q(t('Open meaning'))} }`,
			`  completed: { label: ${q(named('__proto__', 'Completed'))} }`,
			`  discontinued: { label: ${q(named('constructor', 'Discontinued'))} }`,
			'figures:',
			`  total: { label: ${q(t('Total'))}, value: 4, equals: count, description: ${q(t('Total meaning'))} }`,
			`  constructors: { label: ${q(t('Constructors'))}, value: 3, equals: "sum(constructor)" }`,
			'corrections:',
			`  - { date: 2019-12-01, text: ${q(t('Correction'))}, findings: [F-2] }`,
			'',
		].join('\n'),
		'themes/alpha.md': `---\ntitle: ${q(named('__proto__', 'Alpha'))}\nsummary: ${q(t('Alpha summary'))}\n---\nAlpha.\n`,
		'themes/beta.md': `---\ntitle: ${q(t('Beta'))}\nsummary: ${q(t('Beta summary'))}\n---\nBeta.\n`,
		'pages/about.md': `---\ntitle: ${q(t('About'))}\nsummary: ${q(t('About summary'))}\n---\nThere are :figure[total] findings.\n`,
		'findings/F-1.md': finding(
			`status: open\nopened: 2019-01-01\nthemes: [alpha]\nmetrics: { items: 1 }\nrecommendations:\n${recommendation('Recipient', ', due: 2020-06-01')}`,
			'First',
		),
		'findings/F-2.md': finding(
			`status: completed\noutcome: constructor\nopened: 2018-03-01\nclosed: 2019-06-01\nthemes: [alpha, beta]\nmetrics: { items: 2, constructor: 3 }\nrecommendations:\n${recommendation('Recipient', ', status: accepted')}${recommendation('Other recipient')}`,
			'Second',
		),
		'findings/F-3.md': finding('status: discontinued\nopened: 2018-01-01\nthemes: [beta]\n', 'Third'),
		'findings/F-4.md': finding(
			'status: completed\noutcome: upheld\nopened: 2017-05-01\nclosed: 2019-12-31\n',
			'Fourth',
		),
	};
}

/** Every text written into the hostile report that carries the injection. */
const HOSTILE_TEXTS = new Set<string>();
reportFiles(true, HOSTILE_TEXTS);

interface Built {
	/** Each HTML page, by its path in the site (or `offline/…` in the unzipped offline edition), parsed by parse5. */
	pages: Map<string, Tree.Document>;
	/** The offline edition's search, read from its index's parts as the page reads them. */
	search: Promise<SearchBackend>;
}

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => path.endsWith('.html'));
}

function build(name: string): Built {
	const dir = report(name, reportFiles(name === 'hostile'));
	const out = join(work, name, 'out');
	const result = run('build', { REPORT_CONTENT: dir, REPORT_OUT: out });
	expect(result.stderr).toBe('');
	expect(result.status).toBe(0);
	const zip = readdirSync(join(out, 'data')).find((file) => file.endsWith('-offline.zip'))!;
	const offline = join(work, name, 'offline');
	unzipInto(join(out, 'data', zip), offline);
	const edition = join(offline, readdirSync(offline)[0]!);
	const pages = new Map<string, Tree.Document>();
	for (const path of htmlFiles(out)) pages.set(path, parse(readFileSync(join(out, path), 'utf8')));
	for (const path of htmlFiles(edition)) pages.set(`offline/${path}`, parse(readFileSync(join(edition, path), 'utf8')));
	const index = openOfflineIndex(
		partLoader((name) => readFileSync(join(edition, OFFLINE_INDEX, `${name}.js`), 'utf8')),
	);
	return { pages, search: index.then((read) => engineFor(read)) };
}

type Node = Tree.ChildNode | Tree.Document;

function* elements(node: Node): Generator<Tree.Element> {
	if ('tagName' in node) yield node;
	if ('childNodes' in node) for (const child of node.childNodes) yield* elements(child);
	if ('content' in node) yield* elements(node.content as unknown as Node);
}

/** The text of a node as a reader gets it: parse5 has decoded the entities, so escaped markup reads as written. */
function textOf(node: Node): string {
	if (node.nodeName === '#text') return (node as Tree.TextNode).value;
	if ('tagName' in node && (node.tagName === 'script' || node.tagName === 'style')) return '';
	return 'childNodes' in node ? node.childNodes.map(textOf).join('') : '';
}

const attribute = (element: Tree.Element, name: string) => element.attrs.find((attr) => attr.name === name)?.value;
const scriptText = (element: Tree.Element) =>
	element.childNodes.map((child) => (child as Tree.TextNode).value ?? '').join('');
// The types a browser runs (HTML's "JavaScript MIME type essence match", and module); others are data.
const EXECUTABLE = new Set([
	'',
	'module',
	'text/javascript',
	'application/javascript',
	'application/ecmascript',
	'application/x-ecmascript',
	'application/x-javascript',
	'text/ecmascript',
	'text/jscript',
	'text/livescript',
	'text/x-ecmascript',
	'text/x-javascript',
]);
const isExecutable = (script: Tree.Element) => EXECUTABLE.has((attribute(script, 'type') ?? '').trim().toLowerCase());
const scripts = (document: Tree.Document) => [...elements(document)].filter((element) => element.tagName === 'script');

describe('a report whose texts carry markup and whose names are those of Object.prototype', () => {
	let clean: Built;
	let hostile: Built;
	beforeAll(() => {
		clean = build('clean');
		hostile = build('hostile');
	});

	it('runs nothing, opens no dialog and asks no other host in Chromium, hosted or from disk', async () => {
		const out = join(work, 'hostile', 'out');
		const server = await serve(out);
		const browser = await launch();
		try {
			const context = await browser.newContext();
			const dialogs: string[] = [];
			const foreign: string[] = [];
			const errors: string[] = [];
			context.on('page', (page) =>
				page.on('dialog', (dialog) => (dialogs.push(dialog.message()), void dialog.dismiss())),
			);
			context.on('request', (request) => {
				const url = request.url();
				if (!url.startsWith(server.origin) && !url.startsWith('file:')) foreign.push(url);
			});
			const page = await context.newPage();
			page.on('pageerror', (error) => errors.push(error.message));
			const paths = [...hostile.pages.keys()];
			const addresses = [
				...paths.filter((path) => !path.startsWith('offline/')).map((path) => `${server.origin}/${path}`),
				...paths
					.filter((path) => path.startsWith('offline/'))
					.map(
						(path) =>
							pathToFileURL(
								join(
									work,
									'hostile',
									'offline',
									readdirSync(join(work, 'hostile', 'offline'))[0]!,
									path.slice('offline/'.length),
								),
							).href,
					),
			];
			for (const address of addresses) {
				await page.goto(address);
				await page.waitForLoadState('load');
				expect(await page.locator('footer').count(), address).toBe(1);
			}
			expect(addresses.length).toBeGreaterThan(25);
			expect(dialogs).toEqual([]);
			expect(foreign).toEqual([]);
			expect(errors).toEqual([]);
		} finally {
			await browser.close();
			await server.close();
		}
	}, 120_000);

	it('builds the same pages as the same report written plainly', () => {
		expect([...hostile.pages.keys()].sort()).toEqual([...clean.pages.keys()].sort());
		expect(hostile.pages.size).toBeGreaterThan(20);
	});

	it('keeps every page whole: JSON that parses, no script but the site’s own, no event handler, a footer', () => {
		for (const [path, document] of hostile.pages) {
			const all = scripts(document);
			for (const script of all.filter((element) => attribute(element, 'type') === 'application/json'))
				expect(() => JSON.parse(scriptText(script)), `${path}: ${scriptText(script).slice(0, 200)}`).not.toThrow();
			expect(all.filter(isExecutable).length, path).toBe(scripts(clean.pages.get(path)!).filter(isExecutable).length);
			expect(all.length, path).toBe(scripts(clean.pages.get(path)!).length);
			const handlers = [...elements(document)].flatMap((element) =>
				element.attrs.filter((attr) => /^on/i.test(attr.name)).map((attr) => `<${element.tagName} ${attr.name}>`),
			);
			expect(handlers, path).toEqual([]);
			expect(
				[...elements(document)].filter((element) => element.tagName === 'footer'),
				path,
			).toHaveLength(1);
		}
	});

	it('shows every text as written, escaped', () => {
		const texts = [...hostile.pages.values()].map(textOf).join('\n');
		// Tags, and the descriptions of metrics, outcomes and statuses, are published in the downloads, not on a page.
		const missing = [...HOSTILE_TEXTS].filter((text) => !texts.includes(text));
		expect(missing.sort()).toEqual(
			['tag', 'Items counted', 'Constructors counted', 'Outcome meaning', 'Open meaning']
				.map((text) => `${text} ${INJECTION}`)
				.sort(),
		);
		expect(HOSTILE_TEXTS.size).toBeGreaterThan(25);
		const h1 = (path: string) =>
			textOf([...elements(hostile.pages.get(path)!)].find((element) => element.tagName === 'h1')!).trim();
		expect(h1('findings/F-1/index.html')).toBe(`First ${INJECTION}`);
		expect(h1('themes/alpha/index.html')).toBe('__proto__');
		expect(h1('about/index.html')).toBe(`About ${INJECTION}`);
		expect(h1('index.html')).toBe(`Report ${INJECTION}`);
	});

	it('says “Not recorded” for a metric named constructor that a finding lacks', () => {
		const third = textOf(hostile.pages.get('findings/F-3/index.html')!);
		expect(third).toMatch(/constructor\s*Not recorded/);
		expect(third).not.toContain('function');
		expect(third).not.toContain('NaN');
	});

	it('counts the facet values toString, __proto__ and constructor in the offline search, each from 0', async () => {
		const engine = await hostile.search;
		const filters = await engine.filters();
		expect(Object.entries(filters.status!).sort()).toEqual([
			['__proto__', 2],
			['constructor', 1],
			['toString', 1],
		]);
		expect(Object.entries(filters.outcome!).sort()).toEqual([
			['Outcome </script><!--<script>alert(1)</script>', 1],
			['__proto__', 1],
		]);
		expect(Object.entries(filters.theme!).sort()).toEqual([
			['Beta </script><!--<script>alert(1)</script>', 2],
			['__proto__', 2],
		]);
		const proto = await engine.search(null, { filters: Object.fromEntries([['status', { any: ['__proto__'] }]]) });
		expect(proto!.results).toHaveLength(2);
	});
});

describe('values that parse but cannot be right', () => {
	const finding = (fields: string, body = 'Body.') =>
		`---\ntitle: A finding\nsummary: s\nstatus: open\nopened: 2019-01-01\n${fields}---\n${body}\n`;

	it('are each reported at their file and line, saying what is wrong and how to fix it', () => {
		const dir = report('implausible', {
			'report.yaml': [
				'title: Minimal\npublisher: P\nasAt: 2020-01-01\nmetrics:\n  items: { label: Items }\noutcomes:\n  constructor: { label: toString }',
				'corrections:\n  - { date: 2020-01-01, text: Published with the edition., findings: [draft, NOPE, future] }\n',
			].join('\n'),
			'findings/ancient.md': finding('').replace('2019-01-01', '0215-05-02'),
			'findings/future.md': finding(
				'recommendations:\n  - { text: t, to: x, due: 2070-01-01 }\n  - { text: t, to: x, due: 2070-01-02 }\n',
			)
				.replace('opened: 2019-01-01', 'opened: 2020-01-02')
				.replace('status: open', 'status: completed\noutcome: constructor\nclosed: 2020-02-01'),
			'findings/draft.md': finding('draft: true\n').replace('2019-01-01', '2021-01-01'),
			'findings/huge.md': finding('').replace('A finding', 'x'.repeat(5 * 1024 * 1024)),
			'findings/long-body.md': finding('', 'y'.repeat(1_000_000)),
			'findings/metrics.md': finding('metrics: { __proto__: 1, constructor: 2 }\n'),
			'findings/status.md': finding('').replace('status: open', `status: ${'z'.repeat(5000)}`),
		});
		const result = run('check', { REPORT_CONTENT: dir, INIT_CWD: dirname(dir) });
		expect(result.status).toBe(1);
		expect(result.stderr.split('\n')).toEqual([
			'report/findings/ancient.md:5: opened: 0215-05-02 is before 1900-01-01, the earliest date a report may hold; check the year',
			"report/findings/future.md:6: closed: 2020-02-01 is after asAt (2020-01-01), the date the report's figures are correct at; a finding cannot close after it: check the date, or move asAt in report.yaml",
			"report/findings/future.md:7: opened: 2020-01-02 is after asAt (2020-01-01), the date the report's figures are correct at; a finding cannot open after it: check the date, or move asAt in report.yaml",
			'report/findings/future.md:10: recommendations[1].due: 2070-01-02 is more than 50 years after asAt (2020-01-01); check the year: a deadline can be at most 2070-01-01',
			'report/findings/huge.md:2: title: is 5,242,880 characters long; shorten it to at most 200',
			'report/findings/long-body.md:7: body: is 1,000,001 characters long; shorten it to at most 1,000,000, or split it into several files',
			'report/findings/metrics.md:6: metrics.__proto__: "__proto__" is not a metric of this report; use one of: items (declared under metrics in report.yaml)',
			'report/findings/metrics.md:6: metrics.constructor: "constructor" is not a metric of this report; use one of: items (declared under metrics in report.yaml)',
			`report/findings/status.md:4: status: "${'z'.repeat(60)}…" is not a status of this report; use one of: open, completed, discontinued (the default set; declare your own under statuses in report.yaml)`,
			'report/report.yaml:9: corrections[0].findings[0]: "draft" is a draft and has no page; remove it or publish that finding',
			'report/report.yaml:9: corrections[0].findings[1]: "NOPE" is not the id of any finding; check the spelling (ids are case-sensitive)',
			'',
			'11 problems in 7 files.',
			'',
		]);
	});

	it('include a key named __proto__, which Zod would drop without a word, and implausible dates in report.yaml', () => {
		const dir = report('report-values', {
			'report.yaml': [
				'title: Minimal\npublisher: P\nasAt: 2101-01-01\nmetrics:\n  items: { label: Items }\noutcomes:\n  __proto__: { label: P }\n  constructor: { label: toString }',
				'corrections:\n  - { date: 2151-01-02, text: A typo in the year. }\n  - { date: 0202-01-01, text: Another. }\n',
			].join('\n'),
		});
		// The build's day pinned at 2030-01-01.
		const result = run('check', { REPORT_CONTENT: dir, INIT_CWD: dirname(dir), SOURCE_DATE_EPOCH: '1893456000' });
		expect(result.status).toBe(1);
		expect(result.stderr.split('\n')).toEqual([
			'report/report.yaml:3: asAt: 2101-01-01 is after 2100-12-31, the latest date a report may be correct at; check the year',
			'report/report.yaml:7: outcomes.__proto__: "__proto__" is not a valid name: use lower-case letters, digits and single hyphens, e.g. "information-sharing"',
			'report/report.yaml:10: corrections[0].date: 2151-01-02 is after today (2030-01-01); a correction is dated the day it is published: check the date, or add the correction on that day',
			'report/report.yaml:11: corrections[1].date: 0202-01-01 is before 1900-01-01, the earliest date a report may hold; check the year',
			'',
			'4 problems in 1 file.',
			'',
		]);
	});
});
