import { posix } from 'node:path';
import { html as spec, parse, type DefaultTreeAdapterTypes as Tree, type Token } from 'parse5';
import { scriptJson } from '../script-json.ts';
import { around } from '../i18n/around.ts';
import type { Translate } from '../i18n/messages.ts';
import { escapeHtml } from '../table/render.ts';

/**
 * Turns a built page into its offline-edition copy, which is opened from disk: there, an address such as
 * `/findings/` names the root of the disk, and a folder's address lists the folder instead of opening its
 * index page, and module scripts do not run. So every link into the site becomes relative and names its
 * `index.html`, every module script becomes a classic one, and the Content-Security-Policy also allows files.
 */
export interface OfflinePage {
	/** The page's file, from the edition's root, e.g. `findings/INV-01/index.html`. */
	file: string;
	/** The site's base path, e.g. `/` or `/procurement-2025/`. */
	base: string;
	/** Whether a path from the edition's root, e.g. `findings/INV-01`, is a folder of the edition. */
	isFolder(path: string): boolean;
	/** The classic script, from the edition's root, that does what a module script does, e.g. `_offline/x.js`. */
	classicScript(src: string): string;
	/** What the edition says it is in every footer: editionNote's HTML. */
	note: string;
}

/**
 * Where the hosted site says whether it is stored for offline use, the edition says what it is, and where the
 * report is published when it is.
 */
export function editionNote(site: string | undefined, t: Translate): string {
	const { before, after } = around(t, 'offline.published', 'address');
	const published = site
		? ` ${escapeHtml(before)}<a href="${escapeHtml(site)}">${escapeHtml(site)}</a>${escapeHtml(after)}`
		: '';
	return `<p class="offline-status">${escapeHtml(t('offline.status'))}${published}</p>`;
}

/** A path as it is on disk; a malformed escape is left as written rather than stopping the build. */
function decoded(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

/** `/findings/?status=open` on `themes/x/index.html` → `../../findings/index.html?status=open`; other hosts untouched. */
export function offlineHref(href: string, page: OfflinePage): string {
	if (!href.startsWith(page.base) || href.startsWith('//')) return href;
	const [, path = '', rest = ''] = /^([^?#]*)(.*)$/s.exec(href.slice(page.base.length))!;
	const target =
		path === '' || path.endsWith('/')
			? `${path}index.html`
			: page.isFolder(decoded(path))
				? `${path}/index.html`
				: path;
	return posix.relative(posix.dirname(page.file), target) + rest;
}

/**
 * A folder of the site as seen from the page, as a prefix for addresses built in the browser: the base is `../../`,
 * or `./` at the root; a language's root (`/audit/en/`) is `../en/` from another page of the edition.
 */
export function offlinePrefix(page: OfflinePage, folder = page.base): string {
	const up = posix.relative(posix.dirname(page.file), folder.slice(page.base.length) || '.');
	return up ? `${up}/` : './';
}

/** Whether a value is the address of a folder of the site: the base, or one under it such as a language's root. */
const isFolderAddress = (value: string, page: OfflinePage) =>
	value.startsWith(page.base) && value.endsWith('/') && !value.startsWith('//');

/** Addresses inside a page's JSON configuration: `base` is a prefix, a key ending in `Url` names a page or file. */
function offlineJson(value: unknown, page: OfflinePage, key = ''): unknown {
	if (typeof value === 'string') {
		if (key === 'base' && isFolderAddress(value, page)) return offlinePrefix(page, value);
		return key.endsWith('Url') ? offlineHref(value, page) : value;
	}
	if (Array.isArray(value)) return value.map((item) => offlineJson(item, page));
	if (value && typeof value === 'object')
		return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, offlineJson(item, page, name)]));
	return value;
}

/** A span of the page's source, from `start` up to `end`, to be replaced by `text`. */
interface Edit {
	start: number;
	end: number;
	text: string;
}

/** Attributes holding one address, by their name as written (`xlink:href` keeps its prefix). */
const LINK_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster', 'xlink:href']);

/** An attribute's name as written in the source, which is how parse5 keys its location. */
function sourceName(attribute: { name: string; prefix?: string }): string {
	return attribute.prefix ? `${attribute.prefix}:${attribute.name}` : attribute.name;
}

/** An attribute's value, or undefined when the element has none by that name. */
function attributeValue(element: Tree.Element, name: string): string | undefined {
	return element.attrs.find((attribute) => sourceName(attribute) === name)?.value;
}

/** The value an attribute has in the edition, or undefined when it stays as written. */
function offlineAttribute(name: string, value: string, page: OfflinePage): string | undefined {
	let next = value;
	if (LINK_ATTRIBUTES.has(name)) next = offlineHref(value, page);
	// Each candidate of a srcset is an address, then its width or density.
	else if (name === 'srcset')
		next = value.replace(/(^\s*|,\s*)(\S+)/g, (_, lead: string, href: string) => lead + offlineHref(href, page));
	else if (name === 'data-base' && isFolderAddress(value, page)) next = offlinePrefix(page, value);
	return next === value ? undefined : next;
}

/** A script's type as the browser compares it: trimmed, in lower case. */
function scriptType(element: Tree.Element): string {
	return (attributeValue(element, 'type') ?? '').trim().toLowerCase();
}

/** The JSON of a configuration script, its addresses rewritten, written so that no string in it can end the script. */
function offlineJsonText(text: string, page: OfflinePage): string {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch (error) {
		throw new Error(`${page.file}: a <script type="application/json"> does not hold valid JSON`, { cause: error });
	}
	return scriptJson(offlineJson(data, page));
}

/** The classic script that stands in for a module script, or an error for an inline one, which has no file to bundle. */
function classicScriptTag(element: Tree.Element, page: OfflinePage): string {
	const src = attributeValue(element, 'src');
	if (src === undefined)
		throw new Error(
			`${page.file}: an inline module script cannot run from disk; move it into a script file imported by a component`,
		);
	const file = posix.relative(posix.dirname(page.file), page.classicScript(src));
	// Written afresh: the module's other attributes, such as an integrity hash, would not fit the bundled file.
	return `<script src="${escapeHtml(file)}" defer></script>`;
}

/**
 * The page's Content-Security-Policy as the edition needs it: `file:` wherever `'self'` is. Firefox gives a page
 * opened from disk an origin of its own, which `'self'` matches no file against, so the edition's own scripts,
 * stylesheet and search form would be refused; Chromium lets `'self'` match files, where this changes nothing.
 * Nothing else is loosened: still no inline script or style.
 */
export function offlineContentSecurityPolicy(policy: string): string {
	return policy
		.split(';')
		.map((directive) => {
			const sources = directive.trim().split(/[\t\n\f\r ]+/);
			const lower = sources.map((source) => source.toLowerCase());
			return lower.includes("'self'") && !lower.includes('file:') ? [...sources, 'file:'].join(' ') : directive.trim();
		})
		.filter(Boolean)
		.join('; ');
}

/** `<meta http-equiv="Content-Security-Policy">`, compared as the browser does, ignoring case. */
function isPolicyMeta(element: Tree.Element): boolean {
	return (
		element.tagName === 'meta' &&
		(attributeValue(element, 'http-equiv') ?? '').trim().toLowerCase() === 'content-security-policy'
	);
}

/** The placeholder the hosted site fills in from its service worker: `<p class="offline-status" role="status" hidden>`. */
function isStatusPlaceholder(element: Tree.Element): boolean {
	if (element.tagName !== 'p' || attributeValue(element, 'hidden') === undefined) return false;
	return (attributeValue(element, 'class') ?? '').split(/[\t\n\f\r ]+/).includes('offline-status');
}

/** The edit replacing a whole element, from its start tag to the end of its end tag (or where it was closed). */
function replaceElement(location: Token.ElementLocation, text: string): Edit {
	return { start: location.startOffset, end: location.endOffset, text };
}

/**
 * The edits one element needs; whether its children still need looking at. An element the parser made up,
 * such as an omitted `<head>`, has no place in the source and nothing to edit.
 */
function editElement(element: Tree.Element, page: OfflinePage, edits: Edit[]): boolean {
	const location = element.sourceCodeLocation;
	if (!location) return true;
	// Parts that only make sense on the hosted site, such as the link to this very edition.
	if (attributeValue(element, 'data-online-only') !== undefined) {
		edits.push(replaceElement(location, ''));
		return false;
	}
	if (isStatusPlaceholder(element)) {
		edits.push(replaceElement(location, page.note));
		return false;
	}
	const html = element.namespaceURI === spec.NS.HTML;
	if (html && element.tagName === 'script' && scriptType(element) === 'module') {
		edits.push(replaceElement(location, classicScriptTag(element, page)));
		return false;
	}
	if (html && isPolicyMeta(element)) {
		const span = location.attrs?.['content'];
		const policy = attributeValue(element, 'content');
		// Quotes of the keywords kept as written, so that the policy reads as the hosted one does.
		if (span && policy !== undefined)
			edits.push({
				start: span.startOffset,
				end: span.endOffset,
				text: `content="${offlineContentSecurityPolicy(policy).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`,
			});
		return false;
	}
	if (html && element.tagName === 'script' && scriptType(element) === 'application/json') {
		const text = element.childNodes[0];
		const textLocation = text?.sourceCodeLocation;
		const json = text && 'value' in text ? text.value : '';
		const start = textLocation?.startOffset ?? location.startTag?.endOffset ?? location.endOffset;
		edits.push({ start, end: textLocation?.endOffset ?? start, text: offlineJsonText(json, page) });
	}
	for (const attribute of element.attrs) {
		const name = sourceName(attribute);
		const value = offlineAttribute(name, attribute.value, page);
		// An attribute merged in from a repeated `<html>` or `<body>` tag has no location of its own: left as written.
		const span = location.attrs?.[name];
		if (value !== undefined && span)
			edits.push({ start: span.startOffset, end: span.endOffset, text: `${name}="${escapeHtml(value)}"` });
	}
	return true;
}

/** The edits of every element under `parent`, in a template's content too. */
function collectEdits(parent: Tree.ParentNode, page: OfflinePage, edits: Edit[]): void {
	for (const child of parent.childNodes) {
		if (!('tagName' in child) || !editElement(child, page, edits)) continue;
		collectEdits(child, page, edits);
		if ('content' in child) collectEdits(child.content, page, edits);
	}
}

/**
 * The source with the edits made. The tree's order is not always the source's (a table's stray content moves
 * before it), so edits go by offset; one inside a span already replaced is dropped, as is a repeat of the same
 * span (formatting elements the parser reopens share the source tag of the first).
 */
function applyEdits(source: string, edits: Edit[]): string {
	edits.sort((a, b) => a.start - b.start || b.end - a.end);
	let result = '';
	let done = 0;
	for (const edit of edits) {
		if (edit.start < done) continue;
		result += source.slice(done, edit.start) + edit.text;
		done = edit.end;
	}
	return result + source.slice(done);
}

/**
 * The page as it is in the edition. The page is parsed as the browser parses it, and each change replaces
 * only the span of source it concerns, found from the parse: everything else, the doctype, comments,
 * whitespace, quoting and character references, stays byte for byte as built, so nothing the edits do not
 * touch can change meaning, and no serialiser's choices (`alt=""` or bare `data-search`) show in the output.
 * parse5 itself rather than hast: this runs on every page of the site, and the hast layer doubles the cost.
 * Scripting is parsed as off, so that links inside `<noscript>` are rewritten too.
 */
export function offlineHtml(html: string, page: OfflinePage): string {
	const document = parse(html, { sourceCodeLocationInfo: true, scriptingEnabled: false });
	const edits: Edit[] = [];
	collectEdits(document, page, edits);
	return applyEdits(html, edits);
}
