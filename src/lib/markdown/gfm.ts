import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Processor } from 'unified';

/**
 * remark-gfm without literal autolinks (`www.example.org`, `https://…` and `a@b.org` written without brackets),
 * in remark-gfm's order. Literal autolinks are the costliest part of GFM to parse, since every word is tried as the
 * start of an email address: without them a body parses in about half the time.
 */
export function remarkGfmWithoutAutolinkLiterals(this: Processor): void {
	const data = this.data();
	(data.micromarkExtensions ??= []).push(gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
	(data.fromMarkdownExtensions ??= []).push(
		gfmFootnoteFromMarkdown(),
		gfmStrikethroughFromMarkdown(),
		gfmTableFromMarkdown(),
		gfmTaskListItemFromMarkdown(),
	);
}

/**
 * Whether the Markdown may hold a literal autolink: each needs `@`, `www` or `http`, in any case, written out or
 * as a character reference (`&#64;`). A body for which this is false parses to the same tree without them.
 */
export function mayHaveAutolinkLiterals(markdown: string): boolean {
	const lower = markdown.toLowerCase();
	return lower.includes('@') || lower.includes('www') || lower.includes('http') || lower.includes('&');
}
