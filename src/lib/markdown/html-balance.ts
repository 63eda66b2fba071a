import type { Html, Root } from 'mdast';
import { Tokenizer, type Token, type TokenHandler } from 'parse5';
import { visit } from 'unist-util-visit';

/** Elements that never have an end tag. */
const VOID = new Set([
	'area',
	'base',
	'br',
	'col',
	'embed',
	'hr',
	'img',
	'input',
	'link',
	'meta',
	'source',
	'track',
	'wbr',
]);
/** Elements whose end tag HTML lets an author leave out. */
const OPTIONAL_END = new Set([
	'p',
	'li',
	'dt',
	'dd',
	'tr',
	'td',
	'th',
	'thead',
	'tbody',
	'tfoot',
	'option',
	'rp',
	'rt',
	'colgroup',
	'caption',
]);

export interface BalanceProblem {
	/** 1-based line within the Markdown body. */
	line: number;
	message: string;
}

interface Tag {
	name: string;
	start: boolean;
	selfClosing: boolean;
	line: number;
}

/** The start and end tags of one raw HTML snippet, with their lines in the body, read by parse5's tokenizer. */
function tagsOf(node: Html): Tag[] {
	const tags: Tag[] = [];
	const first = node.position?.start.line ?? 1;
	const tag = (start: boolean) => (token: Token.TagToken) =>
		tags.push({
			name: token.tagName,
			start,
			selfClosing: token.selfClosing,
			line: first + (token.location?.startLine ?? 1) - 1,
		});
	const ignore = () => undefined;
	const handler: TokenHandler = {
		onStartTag: tag(true),
		onEndTag: tag(false),
		onComment: ignore,
		onDoctype: ignore,
		onEof: ignore,
		onCharacter: ignore,
		onNullCharacter: ignore,
		onWhitespaceCharacter: ignore,
	};
	new Tokenizer({ sourceCodeLocationInfo: true }, handler).write(node.value, true);
	return tags;
}

/**
 * Raw HTML tags that are never closed, or close nothing, across a whole body: a browser would repair them by
 * guessing, and an unclosed `<a>` or `<details>` would swallow everything after it. Markdown's own elements are not
 * tags here; only the author's HTML is.
 */
export function unbalancedTags(tree: Root): BalanceProblem[] {
	const problems: BalanceProblem[] = [];
	const open: Tag[] = [];
	const unclosed = (tag: Tag) =>
		problems.push({ line: tag.line, message: `<${tag.name}> is never closed; add </${tag.name}> where it ends` });
	visit(tree, 'html', (node) => {
		for (const tag of tagsOf(node)) {
			if (VOID.has(tag.name) || (tag.start && tag.selfClosing)) continue;
			if (tag.start) {
				open.push(tag);
				continue;
			}
			const at = open.findLastIndex((candidate) => candidate.name === tag.name);
			if (at === -1) {
				problems.push({
					line: tag.line,
					message: `</${tag.name}> closes no open <${tag.name}>; remove it, or add the start tag`,
				});
				continue;
			}
			for (const inner of open.splice(at).slice(1)) if (!OPTIONAL_END.has(inner.name)) unclosed(inner);
		}
	});
	for (const tag of open) if (!OPTIONAL_END.has(tag.name)) unclosed(tag);
	return problems.sort((a, b) => a.line - b.line);
}
