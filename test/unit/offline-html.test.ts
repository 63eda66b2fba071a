import { parse, type DefaultTreeAdapterTypes as Tree } from 'parse5';
import { describe, expect, it } from 'vitest';
import { english } from '../support/words.ts';
import { editionNote, offlineHref, offlineHtml, offlinePrefix, type OfflinePage } from '../../src/lib/offline/html.ts';

const page = (file: string, base = '/audit/'): OfflinePage => ({
	file,
	base,
	isFolder: (path) => ['findings', 'findings/A-1', 'data'].includes(path),
	classicScript: (src) => `_offline/${src.split('/').pop()}`,
	note: editionNote(undefined, english.t),
});

describe('links of the offline edition', () => {
	it('makes links into the site relative, naming the index page of a folder, and keeps query and fragment', () => {
		const finding = page('findings/A-1/index.html');
		expect(offlineHref('/audit/', finding)).toBe('../../index.html');
		expect(offlineHref('/audit/findings/?status=open&amp;page=2', finding)).toBe(
			'../index.html?status=open&amp;page=2',
		);
		expect(offlineHref('/audit/findings/A-1', finding)).toBe('index.html');
		expect(offlineHref('/audit/themes/x/#charts', finding)).toBe('../../themes/x/index.html#charts');
		expect(offlineHref('/audit/data/findings.csv', finding)).toBe('../../data/findings.csv');
		expect(offlineHref('/audit/findings/A-1/#text', page('index.html'))).toBe('findings/A-1/index.html#text');
		expect(offlineHref('/audit/findings/100%', page('index.html'))).toBe('findings/100%');
	});

	it('leaves alone what is not in the site: other hosts, fragments, data: URLs and paths outside the base', () => {
		const finding = page('findings/A-1/index.html');
		for (const href of [
			'https://example.org/audit/',
			'#content',
			'data:text/csv,a%2Cb',
			'/other/',
			'mailto:a@example.org',
		])
			expect(offlineHref(href, finding)).toBe(href);
	});

	it('gives the base as a prefix for addresses made in the browser', () => {
		expect(offlinePrefix(page('index.html'))).toBe('./');
		expect(offlinePrefix(page('search/index.html'))).toBe('../');
		expect(offlinePrefix(page('findings/page/2/index.html'))).toBe('../../../');
	});
});

describe('pages of the offline edition', () => {
	const html = [
		'<link rel="stylesheet" href="/audit/_astro/Base.css">',
		'<img src="/audit/_astro/a.webp" srcset="/audit/_astro/a-1.webp 1x, /audit/_astro/a-2.webp 2x" alt="">',
		'<form action="/audit/search/" method="get"></form>',
		'<div data-search data-base="/audit/"></div>',
		'<script type="application/json">{"dataUrl":"/audit/data/findings-table.js","findingsUrl":"/audit/findings/","context":{"base":"/audit/","language":"en"},"note":"</b>"}</script>',
		'<script type="module" src="/audit/_astro/Explorer.abc.js"></script>',
		'<section data-online-only aria-labelledby="x"><h2 id="x">Offline edition</h2><p><a href="/audit/data/x.zip">x.zip</a></p></section>',
		'<p class="offline-status" role="status" hidden></p>',
	].join('\n');

	it('rewrites links, the base, addresses in configuration, and module scripts as classic ones, from the page’s folder', () => {
		expect(
			offlineHtml(html, {
				...page('findings/index.html'),
				note: editionNote('https://example.org/audit/', english.t),
			}).split('\n'),
		).toEqual([
			'<link rel="stylesheet" href="../_astro/Base.css">',
			'<img src="../_astro/a.webp" srcset="../_astro/a-1.webp 1x, ../_astro/a-2.webp 2x" alt="">',
			'<form action="../search/index.html" method="get"></form>',
			'<div data-search data-base="../"></div>',
			'<script type="application/json">{"dataUrl":"../data/findings-table.js","findingsUrl":"index.html","context":{"base":"../","language":"en"},"note":"\\u003c/b\\u003e"}</script>',
			'<script src="../_offline/Explorer.abc.js" defer></script>',
			'',
			'<p class="offline-status">Offline edition: these pages are files on this device and work with no connection. It is published at <a href="https://example.org/audit/">https://example.org/audit/</a>.</p>',
		]);
	});

	it('stops at an inline module script, which cannot run from disk, naming the page', () => {
		expect(() => offlineHtml('<script type="module">import "x";</script>', page('method/index.html'))).toThrow(
			'method/index.html: an inline module script cannot run from disk; move it into a script file imported by a component',
		);
	});

	it('removes a part only for the hosted site whole, even when it holds elements of its own tag name', () => {
		const nested =
			'<div data-online-only><div class="card"><div>Offline edition</div></div><a href="/audit/data/x.zip">x.zip</a></div><p>After</p>';
		expect(offlineHtml(nested, page('index.html'))).toBe('<p>After</p>');
		// Closed by what follows rather than by an end tag, as HTML allows: up to there, and no further.
		expect(offlineHtml('<p data-online-only>Hosted only<p>Kept', page('index.html'))).toBe('<p>Kept');
		expect(
			offlineHtml('<link rel="alternate" href="/audit/data/x.zip" data-online-only><p>Kept</p>', page('index.html')),
		).toBe('<p>Kept</p>');
	});

	it('rewrites attributes however they are quoted, or written in capitals, and module scripts likewise', () => {
		const quoted = [
			`<a href='/audit/findings/'>Findings</a>`,
			'<a HREF=/audit/findings/A-1>A-1</a>',
			`<img src='/audit/_astro/a.webp' srcset=/audit/_astro/a-2.webp alt=''>`,
			`<div data-base='/audit/'></div>`,
			`<script type='module' src='/audit/_astro/Explorer.abc.js'></script>`,
			'<SCRIPT TYPE=Module SRC=/audit/_astro/Charts.abc.js></SCRIPT>',
			`<a href='https://example.org/audit/'>Elsewhere, left as written</a>`,
		].join('\n');
		expect(offlineHtml(quoted, page('findings/index.html')).split('\n')).toEqual([
			'<a href="index.html">Findings</a>',
			'<a href="A-1/index.html">A-1</a>',
			`<img src="../_astro/a.webp" srcset="../_astro/a-2.webp" alt=''>`,
			'<div data-base="../"></div>',
			'<script src="../_offline/Explorer.abc.js" defer></script>',
			'<script src="../_offline/Charts.abc.js" defer></script>',
			`<a href='https://example.org/audit/'>Elsewhere, left as written</a>`,
		]);
		expect(() => offlineHtml(`<script type='module'>import "x";</script>`, page('index.html'))).toThrow(
			'index.html: an inline module script cannot run from disk',
		);
	});

	it('reads character references in attributes and writes them back, so a query keeps its meaning', () => {
		// Written bare, `&copy` would be read back as `©`.
		expect(offlineHtml('<a href="/audit/findings/?theme=a&amp;copy=1">x</a>', page('index.html'))).toBe(
			'<a href="findings/index.html?theme=a&amp;copy=1">x</a>',
		);
	});

	it('escapes the configuration so that no string in it can end its script or open a comment', () => {
		const data = {
			note: '</script><script>alert(1)</script>',
			comment: '<!-- <script>',
			both: 'a & b > c',
			lines: 'x\u2028y\u2029z',
			findingsUrl: '/audit/findings/',
		};
		// As the hosted page holds it, `<` escaped as charts/chart-html.ts does, so that the input itself is one script.
		const hosted = `<p>Before</p><script type="application/json">${JSON.stringify(data).replaceAll('<', '\\u003c')}</script><p>After</p>`;
		const out = offlineHtml(hosted, page('index.html'));
		expect(out).toBe(
			'<p>Before</p><script type="application/json">{"note":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e","comment":"\\u003c!-- \\u003cscript\\u003e","both":"a \\u0026 b \\u003e c","lines":"x\\u2028y\\u2029z","findingsUrl":"findings/index.html"}</script><p>After</p>',
		);
		// As the browser reads it: one script, between the paragraphs, holding the same data.
		const body = bodyOf(out);
		expect(body.childNodes.map((node) => node.nodeName)).toEqual(['p', 'script', 'p']);
		expect(JSON.parse(textOf(body.childNodes[1]!))).toEqual({ ...data, findingsUrl: 'findings/index.html' });
	});

	it('keeps the rest of a whole page byte for byte: doctype, comments, whitespace, line endings, and text that only looks like markup', () => {
		const document = [
			'<!DOCTYPE html>',
			'<!-- Built by Findings Report; <a href="/audit/"> in a comment is not a link. -->',
			'<html lang="en"><head><meta charset="utf-8"><title>A &amp; B</title><link rel="stylesheet" href="/audit/_astro/Base.css"></head>',
			'<body class="page">',
			'<pre><code>&lt;a href="/audit/"&gt;</code></pre>',
			`<script>const worker = "/audit/sw.js"; document.body.insertAdjacentHTML('beforeend', ' src="/audit/x.js"');</script>`,
			'<noscript><a href="/audit/findings/">Findings</a></noscript>',
			'<template><a href="/audit/search/">Search</a></template>',
			'<svg><use href="/audit/icons.svg#open"/></svg>',
			'</body></html>',
			'',
		].join('\r\n');
		expect(offlineHtml(document, page('index.html'))).toBe(
			document
				.replace('href="/audit/_astro/Base.css"', 'href="_astro/Base.css"')
				.replace('<noscript><a href="/audit/findings/">', '<noscript><a href="findings/index.html">')
				.replace('<template><a href="/audit/search/">', '<template><a href="search/index.html">')
				.replace('href="/audit/icons.svg#open"', 'href="icons.svg#open"'),
		);
	});

	it('throws for an inline module script only where there is one: not for its text in a comment, nor for one removed with a hosted-only part', () => {
		const html =
			'<!-- <script type="module">x</script> --><div data-online-only><script type="module">import "x";</script></div><p>Kept</p>';
		expect(offlineHtml(html, page('index.html'))).toBe('<!-- <script type="module">x</script> --><p>Kept</p>');
	});
});

/** The body of a page as a browser builds it. */
function bodyOf(html: string): Tree.Element {
	const root = parse(html).childNodes.find((node) => node.nodeName === 'html') as Tree.Element;
	return root.childNodes.find((node) => node.nodeName === 'body') as Tree.Element;
}

/** The text inside an element, such as a script. */
function textOf(node: Tree.ChildNode): string {
	return 'childNodes' in node ? node.childNodes.map((child) => ('value' in child ? child.value : '')).join('') : '';
}
