import type { Element, Root } from 'hast';
import { defaultSchema, type Schema } from 'hast-util-sanitize';
import { find, html } from 'property-information';
import { SKIP, visit } from 'unist-util-visit';

/**
 * The raw HTML a report's Markdown may use: harmless elements that reports need and Markdown lacks. Anything
 * else is a check error, and the sanitiser removes it too, in case the check is ever bypassed. Documented in the
 * docs/security.md; keep the two in step.
 */
export const ALLOWED_ELEMENTS = [
	...['p', 'br', 'hr', 'div', 'span', 'blockquote', 'pre', 'code', 'kbd', 'samp', 'var'],
	...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'dl', 'dt', 'dd'],
	...['a', 'img', 'figure', 'figcaption', 'details', 'summary', 'abbr', 'cite', 'q', 'time'],
	...['em', 'strong', 'b', 'i', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup'],
	...['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
	// Made by Markdown itself: task lists and footnotes.
	...['input', 'section'],
] as const;

const LINK_PROTOCOLS = ['http', 'https', 'mailto'] as const;
/** A quotation's source (`<q cite>`, `<blockquote cite>`) is a page, never an email address. */
const CITE_PROTOCOLS = ['http', 'https'] as const;

/**
 * The protocol of an address as the sanitiser reads it: whatever comes before a colon that no `/`, `?` or `#`
 * precedes. Returns the protocol unless it is an allowed one in any case (`HTTPS://`, `Mailto:`, which browsers
 * accept); those are kept as written, and `spellings` collects them for the sanitiser, which compares exactly.
 */
function refusedProtocol(url: string, allowed: readonly string[], spellings: Set<string>): string | undefined {
	const colon = url.indexOf(':');
	if (colon === -1 || /[/?#]/.test(url.slice(0, colon))) return undefined;
	const protocol = url.slice(0, colon);
	if (!allowed.includes(protocol.toLowerCase())) return protocol;
	if (protocol !== protocol.toLowerCase()) spellings.add(protocol);
	return undefined;
}

/** Attributes any allowed element may carry. */
const COMMON = ['id', 'title', 'lang', 'dir'];

const ATTRIBUTES: NonNullable<Schema['attributes']> = {
	'*': COMMON,
	a: [
		'href',
		'ariaLabel',
		'ariaDescribedBy',
		'dataFootnoteRef',
		'dataFootnoteBackref',
		['className', 'data-footnote-backref'],
	],
	img: ['src', 'alt', 'width', 'height'],
	abbr: ['title'],
	blockquote: ['cite'],
	q: ['cite'],
	del: ['cite', 'dateTime'],
	ins: ['cite', 'dateTime'],
	time: ['dateTime'],
	details: ['open'],
	ol: ['start', 'reversed', ['className', 'contains-task-list']],
	ul: [['className', 'contains-task-list']],
	li: [['className', 'task-list-item']],
	// Any language tag a fence names (```{r}, ```c++): it is only ever a class name.
	code: [['className', /^language-./]],
	th: ['colSpan', 'rowSpan', 'scope', 'headers', 'abbr', 'align'],
	td: ['colSpan', 'rowSpan', 'headers', 'align'],
	h2: [['className', 'sr-only']],
	section: ['dataFootnotes', ['className', 'footnotes']],
	input: [['type', 'checkbox'], ['disabled', true], 'checked'],
	mark: [['className', 'directive-error']],
};

/** The sanitiser's schema: GitHub's defaults, narrowed to the list above. Images may only come from the report. */
const SANITIZE_SCHEMA: Schema = {
	...defaultSchema,
	tagNames: [...ALLOWED_ELEMENTS],
	attributes: ATTRIBUTES,
	// `src` names no protocol at all, so only relative addresses stay: images are rewritten to the report's own first.
	protocols: { href: [...LINK_PROTOCOLS], cite: [...CITE_PROTOCOLS], src: ['no-protocol'] },
	required: { input: { type: 'checkbox', disabled: true } },
	ancestors: { ...defaultSchema.ancestors, li: ['ol', 'ul'] },
	// Ids are prefixed after sanitising (see render.ts), once.
	clobber: [],
	strip: [
		'script',
		'style',
		'template',
		'textarea',
		'title',
		'xmp',
		'iframe',
		'noscript',
		'noembed',
		'noframes',
		'plaintext',
	],
};

/**
 * The schema for one body: the allowed link protocols also in the spellings its author used (`MAILTO:`), which
 * `htmlPolicy` has checked are only other cases of them.
 */
export function sanitizeSchema(spellings: ReadonlySet<string>): Schema {
	if (spellings.size === 0) return SANITIZE_SCHEMA;
	const spelled = (allowed: readonly string[]) => [
		...allowed,
		...[...spellings].filter((spelling) => allowed.includes(spelling.toLowerCase())),
	];
	return {
		...SANITIZE_SCHEMA,
		protocols: { ...SANITIZE_SCHEMA.protocols, href: spelled(LINK_PROTOCOLS), cite: spelled(CITE_PROTOCOLS) },
	};
}

export interface HtmlProblem {
	node: Element;
	message: string;
}

export interface HtmlPolicy {
	problems: HtmlProblem[];
	/** The allowed protocols as spelled in this body, other than in lower case. */
	spellings: Set<string>;
}

const ALLOWED = new Set<string>(ALLOWED_ELEMENTS);

function attributeName(property: string): string {
	return find(html, property).attribute;
}

/** Whether the schema lets `property` with `value` stay on `tag`. */
function allowsAttribute(tag: string, property: string, value: unknown): boolean {
	const rules = [...(ATTRIBUTES[tag] ?? []), ...(ATTRIBUTES['*'] ?? [])];
	return rules.some((rule) => {
		if (typeof rule === 'string') return rule === property;
		const [name, ...values] = rule;
		if (name !== property) return false;
		const items = Array.isArray(value) ? value : [value];
		return items.every((item) =>
			values.some((allowed) => (allowed instanceof RegExp ? allowed.test(String(item)) : allowed === item)),
		);
	});
}

/**
 * What the sanitiser would remove from the author's HTML, as problems on its elements: elements outside the
 * allowlist, attributes such as event handlers and `style`, and links with a protocol other than http(s) and
 * mailto. Images are checked apart, where they are resolved.
 */
export function htmlPolicy(tree: Root): HtmlPolicy {
	const problems: HtmlProblem[] = [];
	const spellings = new Set<string>();
	visit(tree, 'element', (node) => {
		const tag = node.tagName;
		if (!ALLOWED.has(tag)) {
			problems.push({
				node,
				message: `<${tag}> is not allowed in Markdown; remove it (docs/security.md lists the HTML a report may use)`,
			});
			return SKIP;
		}
		for (const [property, value] of Object.entries(node.properties)) {
			if (value === undefined || value === null || value === false) continue;
			const name = attributeName(property);
			if (property === 'href' || property === 'cite') {
				const cite = property === 'cite';
				const refused = refusedProtocol(String(value), cite ? CITE_PROTOCOLS : LINK_PROTOCOLS, spellings);
				if (refused !== undefined)
					problems.push({
						node,
						message: `<${tag} ${name}="${JSON.stringify(refused).slice(1, -1)}:…"> is not allowed; ${cite ? 'cite an http(s)' : 'link to an http(s), mailto'} or relative address${/^[a-z][a-z0-9+.-]*$/i.test(refused) ? '' : ' (write ./ before a relative one that has a colon)'}`,
					});
				continue;
			}
			if (tag === 'img' && property === 'src') continue;
			if (!allowsAttribute(tag, property, value))
				problems.push({
					node,
					message: /^on/i.test(name)
						? `the ${name} attribute on <${tag}> is not allowed: reports run no script; remove it`
						: `the ${name} attribute on <${tag}> is not allowed; remove it`,
				});
		}
		return undefined;
	});
	return { problems, spellings };
}
