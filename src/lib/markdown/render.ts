import { randomUUID } from 'node:crypto';
import type { Element, Root as HastRoot } from 'hast';
import { toText } from 'hast-util-to-text';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root as MdastRoot } from 'mdast';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { EXIT, visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { chartHtml } from '../charts/chart-html.ts';
import type { Messages } from '../i18n/messages.ts';
import { translator } from '../i18n/translate.ts';
import { chartCsv, type ChartData } from '../charts/charts.ts';
import type { DirectiveContext } from './directives.ts';
import type { Problem } from '../problems.ts';
import { mayHaveDirectives } from './directive-syntax.ts';
import { parserFor } from './parser.ts';
import { chartPlaceholderId, transformDirectives } from './directive-transform.ts';
import { addHeadingIds, isHeading } from './heading-ids.ts';
import { unbalancedTags } from './html-balance.ts';
import { htmlPolicy, sanitizeSchema } from './html-policy.ts';
import { resolveImages, type ImageResolver } from './images.ts';

export interface RenderInput {
	body: string;
	/** 1-based line in the file where the body starts: problems name lines of the file. */
	bodyLine: number;
	/** The file as printed in problems. */
	file: string;
	/** What directives count and name; without it (report.yaml is broken) they are left as written. */
	context: DirectiveContext | undefined;
	images: ImageResolver;
}

export interface Rendered {
	html: string;
	/** The words a reader sees, for search: block ends as line breaks, a chart as its title and summary. */
	text: string;
	problems: Problem[];
	/** Whether the body draws a chart, so that its page loads the chart script, and only then. */
	hasChart: boolean;
	/** Whether the body begins with a heading of its own, so that its page need not give it one. */
	opensWithHeading: boolean;
}

/** Ids from the author's HTML and footnotes carry it, so that none takes the id of an element of the page. */
const ID_PREFIX = 'user-content-';
const ID_PROPERTIES = ['id', 'ariaDescribedBy', 'ariaLabelledBy'] as const;

/**
 * Prefixes ids the way GitHub does. Not left to the sanitiser, which would prefix the footnotes' ids a second
 * time (remark-rehype already prefixes them, and their links).
 */
function prefixIds(tree: HastRoot): void {
	const prefixed = (value: unknown) =>
		String(value).startsWith(ID_PREFIX) ? String(value) : `${ID_PREFIX}${String(value)}`;
	visit(tree, 'element', (node) => {
		for (const name of ID_PROPERTIES) {
			const value = node.properties[name];
			if (value === undefined || value === null) continue;
			node.properties[name] = (Array.isArray(value) ? value.map(prefixed) : prefixed(value)) as never;
		}
	});
}

// Built once per language: footnotes are labelled in the page's words.
const toHastIn = new Map<string, ReturnType<typeof toHastWith>>();
function toHastWith(words: { language: string; messages: Messages } | undefined) {
	const t = words && translator(words.language, words.messages);
	return unified()
		.use(remarkRehype, {
			allowDangerousHtml: true,
			clobberPrefix: ID_PREFIX,
			footnoteLabelProperties: { className: ['sr-only'] },
			...(t && {
				footnoteLabel: t('markdown.footnotes'),
				footnoteBackLabel: (reference: number) => t('markdown.backToReference', { reference: reference + 1 }),
			}),
		})
		.freeze();
}
function toHast(words: { language: string; messages: Messages } | undefined) {
	const key = words
		? [words.language, words.messages['markdown.footnotes'], words.messages['markdown.backToReference']].join('\0')
		: '';
	let made = toHastIn.get(key);
	if (!made) toHastIn.set(key, (made = toHastWith(words)));
	return made;
}

/** Unique to this process, so that no text in a report can pose as a chart's placeholder. */
const NONCE = randomUUID().replaceAll('-', '');

function hasRaw(tree: HastRoot): boolean {
	let found = false;
	visit(tree, 'raw', () => {
		found = true;
		return EXIT;
	});
	return found;
}

type Charts = ReturnType<typeof transformDirectives>['charts'];

interface Placeholder {
	node: Element;
	parent: HastRoot | Element;
	chart: ChartData;
}

/** Each chart placeholder that survived the sanitiser, with its chart. */
function placeholders(tree: HastRoot, charts: Charts): Placeholder[] {
	if (!charts.length) return [];
	const byId = new Map(charts.map((chart, index) => [`${ID_PREFIX}${chartPlaceholderId(NONCE, index)}`, chart]));
	const found: Placeholder[] = [];
	visit(tree, 'element', (node, _index, parent) => {
		const chart = byId.get(String(node.properties.id ?? ''));
		if (chart && parent) found.push({ node, parent, chart });
	});
	return found;
}

/** The words of the body, with each chart's title and summary in its place. */
function plainText(tree: HastRoot, charts: Placeholder[]): string {
	for (const { node, chart } of charts) node.children = [{ type: 'text', value: `${chart.title}. ${chart.summary}` }];
	return toText(tree).replace(/\s+/g, ' ').trim();
}

/** Puts each chart's HTML, which is ours and escaped, where its placeholder was. */
function placeCharts(charts: Placeholder[], words: { language: string; messages: Messages }): void {
	for (const { node, parent, chart } of charts) {
		const csv = `data:text/csv;charset=utf-8,${encodeURIComponent(chartCsv(chart))}`;
		parent.children.splice(parent.children.indexOf(node), 1, { type: 'raw', value: chartHtml(chart, words, csv) });
	}
}

/**
 * A Markdown body to HTML, with every problem found on the way: directives, raw HTML outside the allowlist and
 * images. The check and the site both call this, so what the check accepts is what the site shows.
 */
export function renderMarkdown(input: RenderInput): Rendered {
	const file = new VFile({ value: input.body });
	const mdast = parserFor(input.body).parse(file) as MdastRoot;
	const problems: Problem[] = [];
	const at = (line: number | undefined, message: string) =>
		problems.push({ file: input.file, line: input.bodyLine + (line ?? 1) - 1, field: 'body', message });
	// Each walk of a tree costs about a second per 10,000 bodies: those that what is written cannot need are
	// skipped. Raw HTML cannot be written without a "<", nor an image without "![" or raw HTML.
	const html = input.body.includes('<');
	const directives = mayHaveDirectives(input.body);
	if (html) for (const problem of unbalancedTags(mdast)) at(problem.line, problem.message);
	let charts: ReturnType<typeof transformDirectives>['charts'] = [];
	if (input.context && directives) {
		const results = transformDirectives(mdast, input.body, input.context, NONCE);
		for (const error of results.errors) at(error.line, `${error.source}: ${error.message}`);
		charts = results.charts;
	}
	let hast = toHast(input.context?.charts).runSync(mdast, file) as HastRoot;
	if (html && hasRaw(hast)) hast = raw(hast, { file }) as HastRoot;
	const policy = htmlPolicy(hast);
	for (const problem of policy.problems) at(problem.node.position?.start.line, problem.message);
	if (html || input.body.includes('!['))
		for (const problem of resolveImages(hast, input.images)) at(problem.node.position?.start.line, problem.message);
	hast = sanitize(hast, sanitizeSchema(policy.spellings)) as HastRoot;
	// Only the author's HTML, directives' placeholders and footnotes ("[^") bring ids without the prefix.
	if (html || directives || input.body.includes('[^')) prefixIds(hast);
	const placed = placeholders(hast, charts);
	const text = plainText(hast, placed);
	if (input.context) placeCharts(placed, input.context.charts);
	addHeadingIds(hast);
	const first = hast.children.find((node) => node.type === 'element');
	return {
		html: toHtml(hast, { allowDangerousHtml: true }),
		text,
		problems,
		hasChart: charts.length > 0,
		opensWithHeading: first !== undefined && isHeading(first),
	};
}
