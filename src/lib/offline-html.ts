import { posix } from 'node:path';
import { escapeHtml } from './table-render.ts';

/**
 * Turns a built page into its offline-edition copy, which is opened from disk: there, an address such as
 * `/findings/` names the root of the disk, and a folder's address lists the folder instead of opening its
 * index page, and module scripts do not run. So every link into the site becomes relative and names its
 * `index.html`, and every module script becomes a classic one.
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
	/** Where the report is published, named in every footer of the edition, if it is. */
	site?: string | undefined;
}

/** Where the hosted site says whether it is stored for offline use, the edition says what it is. */
function editionNote(page: OfflinePage): string {
	const published = page.site ? ` It is published at <a href="${escapeHtml(page.site)}">${escapeHtml(page.site)}</a>.` : '';
	return `<p class="offline-status">Offline edition: these pages are files on this device and work with no connection.${published}</p>`;
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
	const target = path === '' || path.endsWith('/') ? `${path}index.html` : page.isFolder(decoded(path)) ? `${path}/index.html` : path;
	return posix.relative(posix.dirname(page.file), target) + rest;
}

/** The base path as seen from the page, as a prefix for addresses built in the browser: `../../`, or `./` at the root. */
export function offlinePrefix(page: OfflinePage): string {
	const up = posix.relative(posix.dirname(page.file), '.');
	return up ? `${up}/` : './';
}

/** Addresses inside a page's JSON configuration: `base` is a prefix, a key ending in `Url` names a page or file. */
function offlineJson(value: unknown, page: OfflinePage, key = ''): unknown {
	if (typeof value === 'string') {
		if (key === 'base' && value === page.base) return offlinePrefix(page);
		return key.endsWith('Url') ? offlineHref(value, page) : value;
	}
	if (Array.isArray(value)) return value.map((item) => offlineJson(item, page));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([name, item]) => [name, offlineJson(item, page, name)]));
	return value;
}

export function offlineHtml(html: string, page: OfflinePage): string {
	if (/<script type="module">/.test(html)) {
		throw new Error(`${page.file}: an inline module script cannot run from disk; move it into a script file imported by a component`);
	}
	const relative = (root: string) => posix.relative(posix.dirname(page.file), root);
	return (
		html
			// Parts that only make sense on the hosted site, such as the link to this very edition.
			.replace(/<(\w+)\s[^>]*\bdata-online-only\b[^>]*>[\s\S]*?<\/\1>/g, '')
			.replace('<p class="offline-status" role="status" hidden></p>', () => editionNote(page))
			.replace(/<script type="module" src="([^"]*)"><\/script>/g, (_, src: string) => `<script src="${relative(page.classicScript(src))}" defer></script>`)
			.replace(/(\s(?:href|src|action|poster))="([^"]*)"/g, (_, name: string, href: string) => `${name}="${offlineHref(href, page)}"`)
			.replace(/(\ssrcset)="([^"]*)"/g, (_, name: string, set: string) => `${name}="${set.replace(/(^|,\s*)(\S+)/g, (__, lead: string, href: string) => lead + offlineHref(href, page))}"`)
			.replace(/(\sdata-base)="([^"]*)"/g, (_, name: string, base: string) => `${name}="${base === page.base ? offlinePrefix(page) : base}"`)
			.replace(/(<script type="application\/json"[^>]*>)([\s\S]*?)(<\/script>)/g, (_, open: string, json: string, close: string) => {
				// `<` written as an escape, so that no string in the data can close the script element.
				return open + JSON.stringify(offlineJson(JSON.parse(json), page)).replace(/</g, '\\u003c') + close;
			})
	);
}
