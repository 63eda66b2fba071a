import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PageWeight {
	page: string;
	/** Gzipped bytes of every script the page runs at load, with the modules they import. */
	js: number;
	/** Gzipped bytes of its stylesheets, linked and inline. */
	css: number;
}

const gz = (text: string) => gzipSync(text).length;

/** Static imports of a built module: `import"./a.js"`, `import{x}from"./b.js"`, `export*from"./c.js"`. */
function importsOf(code: string): string[] {
	return [...code.matchAll(/(?:import|export)\s*(?:[\w*{}\s,$]*?\sfrom\s*|\s*)["']([^"']+\.js)["']/g)].map(
		(match) => match[1]!,
	);
}

/** Resolves a site path ("/_astro/x.js") or a relative one against the page's folder. */
function fileOf(dist: string, from: string, href: string, base: string): string {
	const path = href.startsWith('/') ? href.slice(base.length - 1) : posix.join(from, href);
	return join(dist, path);
}

/** What a built page costs a reader on first load, gzipped; `base` is the site's base path. */
export function weighPage(dist: string, page: string, base = '/'): PageWeight {
	const html = readFileSync(join(dist, page), 'utf8');
	const folder = `/${posix.dirname(page)}/`;
	const seen = new Set<string>();
	let js = 0;
	const addModule = (file: string) => {
		if (seen.has(file) || !existsSync(file)) return;
		seen.add(file);
		const code = readFileSync(file, 'utf8');
		js += gz(code);
		for (const target of importsOf(code)) addModule(join(dirname(file), target));
	};
	for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
		if (/type="application\/(ld\+)?json"/.test(attributes!)) continue;
		const src = /\bsrc="([^"]+)"/.exec(attributes!)?.[1];
		if (src) addModule(fileOf(dist, folder, src, base));
		else js += gz(body!);
	}
	let css = 0;
	for (const [, href] of html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g))
		css += gz(readFileSync(fileOf(dist, folder, href!, base), 'utf8'));
	for (const [, body] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)) css += gz(body!);
	return { page, js, css };
}

export interface Budget {
	page: string;
	js?: number;
	css?: number;
}

/** Every way a page exceeds its budget, in words. */
export function overBudget(weight: PageWeight, budget: Budget): string[] {
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	return (['js', 'css'] as const)
		.filter((kind) => budget[kind] !== undefined && weight[kind] > budget[kind]!)
		.map(
			(kind) =>
				`${weight.page}: ${kind === 'js' ? 'JavaScript' : 'CSS'} is ${kb(weight[kind])} gzipped, over its budget of ${kb(budget[kind]!)}`,
		);
}
