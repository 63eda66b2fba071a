import { directiveFromMarkdown } from 'mdast-util-directive';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Extension } from 'micromark-util-types';
import type { Extension as FromMarkdownExtension } from 'mdast-util-from-markdown';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { mayHaveDirectives, reportDirectiveSyntax } from './directive-syntax.ts';

/** A syntax extension, and whether a text could use it: what none of its constructs can start without. */
interface Part {
	syntax: () => Extension;
	tree: () => FromMarkdownExtension;
	mayUse(markdown: string): boolean;
}

const has = (markdown: string, ...marks: string[]) => marks.some((mark) => markdown.includes(mark));

/**
 * GFM as remark-gfm has it, in its order, and our directives. A literal autolink needs `@`, `www` or `http` in any
 * case, written or as a character reference (`&#64;`); a table needs a pipe or a colon beside a delimiter's dash
 * (`a` over `:-` is one); a footnote `[^`; a task `[`; a strikethrough `~`.
 */
const PARTS: readonly Part[] = [
	{
		syntax: gfmAutolinkLiteral,
		tree: gfmAutolinkLiteralFromMarkdown,
		mayUse: (markdown) => /[@&]|www|http/i.test(markdown),
	},
	{ syntax: gfmFootnote, tree: gfmFootnoteFromMarkdown, mayUse: (markdown) => has(markdown, '[^') },
	{ syntax: gfmStrikethrough, tree: gfmStrikethroughFromMarkdown, mayUse: (markdown) => has(markdown, '~') },
	{ syntax: gfmTable, tree: gfmTableFromMarkdown, mayUse: (markdown) => has(markdown, '|', ':-', '-:') },
	{ syntax: gfmTaskListItem, tree: gfmTaskListItemFromMarkdown, mayUse: (markdown) => has(markdown, '[') },
	{ syntax: reportDirectiveSyntax, tree: directiveFromMarkdown, mayUse: mayHaveDirectives },
];

function withParts(parts: readonly Part[]) {
	return function (this: Processor): void {
		const data = this.data();
		(data.micromarkExtensions ??= []).push(...parts.map((part) => part.syntax()));
		(data.fromMarkdownExtensions ??= []).push(...parts.map((part) => part.tree()));
	};
}

/** remark-parse with GFM and our directives: what every body is parsed as. */
export const fullParser = unified().use(remarkParse).use(withParts(PARTS)).freeze();

const parsers = new Map<number, typeof fullParser>();

/**
 * The parser for one body: remark-parse with only the parts of GFM and directives that the body could use, which
 * parses it to the same tree as `fullParser`. Constructs that cannot match still cost a try wherever they could
 * start; literal autolinks are tried at every word (as an email address), which doubles the time to parse prose.
 */
export function parserFor(markdown: string): typeof fullParser {
	const used = PARTS.filter((part) => part.mayUse(markdown));
	const key = used.reduce((bits, part) => bits | (1 << PARTS.indexOf(part)), 0);
	let parser = parsers.get(key);
	if (!parser) parsers.set(key, (parser = unified().use(remarkParse).use(withParts(used)).freeze()));
	return parser;
}
