import type { Element, Properties, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';

/**
 * HTML normalised for comparing renderers: the CommonMark and GFM specs say what a document means, not how its
 * HTML is spaced or ordered, and they count heading ids and smart punctuation as correct. Both sides of a
 * comparison must go through this same function.
 */

/** Elements whose surrounding whitespace is layout of the source, not text a reader sees. */
const BLOCKS = new Set([
	...[
		'address',
		'article',
		'aside',
		'blockquote',
		'body',
		'caption',
		'col',
		'colgroup',
		'dd',
		'details',
		'dialog',
		'div',
		'dl',
		'dt',
	],
	...[
		'fieldset',
		'figcaption',
		'figure',
		'footer',
		'form',
		'h1',
		'h2',
		'h3',
		'h4',
		'h5',
		'h6',
		'header',
		'hgroup',
		'hr',
		'html',
	],
	...[
		'li',
		'main',
		'menu',
		'nav',
		'ol',
		'p',
		'pre',
		'section',
		'summary',
		'table',
		'tbody',
		'td',
		'tfoot',
		'th',
		'thead',
		'tr',
		'ul',
	],
]);

/** Ids and links to them, which GitHub prefixes (clobbering) so that no author's id can take one of the page's. */
const CLOBBERED = ['id', 'href', 'ariaDescribedBy', 'ariaLabelledBy'];
const CLOBBER_PREFIX = 'user-content-';

/** Typographic punctuation back to what an author types: a renderer that makes it smart is still correct. */
const SMART: ReadonlyArray<[RegExp, string]> = [
	[/[\u2018\u2019]/g, "'"],
	[/[\u201c\u201d]/g, '"'],
	[/\u2014/g, '---'],
	[/\u2013/g, '--'],
	[/\u2026/g, '...'],
];

/** HTML's own whitespace: a no-break space is text. */
const WHITESPACE = /[ \t\n\r\f]+/g;

type Parent = Root | Element;

const isBlock = (node: RootContent | undefined) => node?.type === 'element' && BLOCKS.has(node.tagName);

/** A fragment of HTML in the normal form: see the file's comment. */
export function normaliseHtml(html: string): string {
	// Trimmed before parsing: the specs end every block with a newline, and after an inline element left open (raw
	// HTML such as `<a href="x">`) the parser would wrap that newline in a copy of the element of its own.
	const tree = fromHtml(html.replace(/^[ \t\n\r\f]+|[ \t\n\r\f]+$/g, ''), { fragment: true });
	normaliseChildren(tree, { literal: false, preformatted: false });
	return toHtml(tree);
}

interface Where {
	/** Inside <code> or <pre>: punctuation is the author's, as typed. */
	literal: boolean;
	/** Inside <pre>: whitespace is text. */
	preformatted: boolean;
}

function normaliseChildren(parent: Parent, where: Where): void {
	for (const child of parent.children) {
		if (child.type === 'element') {
			const tag = child.tagName.toLowerCase();
			child.tagName = tag;
			child.properties = normaliseProperties(tag, child.properties);
			normaliseChildren(child, {
				literal: where.literal || tag === 'code' || tag === 'pre',
				preformatted: where.preformatted || tag === 'pre',
			});
		} else if (child.type === 'text') {
			if (!where.preformatted) child.value = child.value.replace(WHITESPACE, ' ');
			if (!where.literal) for (const [pattern, plain] of SMART) child.value = child.value.replace(pattern, plain);
		}
	}
	if (!where.preformatted) trimAtBlockEdges(parent);
}

/** Drops the whitespace at the start and end of blocks and between them, which the source's layout put there. */
function trimAtBlockEdges(parent: Parent): void {
	const blockParent = parent.type === 'root' || BLOCKS.has(parent.tagName);
	const children = parent.children as RootContent[];
	for (let index = 0; index < children.length; index++) {
		const child = children[index]!;
		if (child.type !== 'text') continue;
		// Whitespace is collapsed to one space by now; trimStart() would also take a no-break space, which is text.
		if ((index === 0 && blockParent) || isBlock(children[index - 1])) child.value = child.value.replace(/^ /, '');
		if ((index === children.length - 1 && blockParent) || isBlock(children[index + 1]))
			child.value = child.value.replace(/ $/, '');
	}
	parent.children = children.filter((child) => child.type !== 'text' || child.value !== '') as typeof parent.children;
}

/** Sorted, without heading ids, and with the clobber prefix taken off. */
function normaliseProperties(tag: string, properties: Properties): Properties {
	const sorted: Properties = {};
	for (const name of Object.keys(properties).sort()) {
		if (name === 'id' && /^h[1-6]$/.test(tag)) continue;
		const value = properties[name];
		sorted[name] = CLOBBERED.includes(name) ? unclobber(value) : value;
	}
	return sorted;
}

function unclobber(value: Properties[string]): Properties[string] {
	const strip = (item: string | number) => {
		const text = String(item);
		if (text.startsWith(CLOBBER_PREFIX)) return text.slice(CLOBBER_PREFIX.length);
		return text.startsWith(`#${CLOBBER_PREFIX}`) ? `#${text.slice(CLOBBER_PREFIX.length + 1)}` : text;
	};
	if (Array.isArray(value)) return value.map(strip);
	return typeof value === 'string' ? strip(value) : value;
}
