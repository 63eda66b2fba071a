import { describe, expect, it } from 'vitest';
import { offlineHref, offlineHtml, offlinePrefix, type OfflinePage } from '../../src/lib/offline-html.ts';

const page = (file: string, base = '/audit/'): OfflinePage => ({
	file,
	base,
	isFolder: (path) => ['findings', 'findings/A-1', 'data'].includes(path),
	classicScript: (src) => `_offline/${src.split('/').pop()}`,
});

describe('links of the offline edition', () => {
	it('makes links into the site relative, naming the index page of a folder, and keeps query and fragment', () => {
		const finding = page('findings/A-1/index.html');
		expect(offlineHref('/audit/', finding)).toBe('../../index.html');
		expect(offlineHref('/audit/findings/?status=open&amp;page=2', finding)).toBe('../index.html?status=open&amp;page=2');
		expect(offlineHref('/audit/findings/A-1', finding)).toBe('index.html');
		expect(offlineHref('/audit/themes/x/#charts', finding)).toBe('../../themes/x/index.html#charts');
		expect(offlineHref('/audit/data/findings.csv', finding)).toBe('../../data/findings.csv');
		expect(offlineHref('/audit/findings/A-1/#text', page('index.html'))).toBe('findings/A-1/index.html#text');
		expect(offlineHref('/audit/findings/100%', page('index.html'))).toBe('findings/100%');
	});

	it('leaves alone what is not in the site: other hosts, fragments, data: URLs and paths outside the base', () => {
		const finding = page('findings/A-1/index.html');
		for (const href of ['https://example.org/audit/', '#content', 'data:text/csv,a%2Cb', '/other/', 'mailto:a@example.org']) expect(offlineHref(href, finding)).toBe(href);
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
		expect(offlineHtml(html, { ...page('findings/index.html'), site: 'https://example.org/audit/' }).split('\n')).toEqual([
			'<link rel="stylesheet" href="../_astro/Base.css">',
			'<img src="../_astro/a.webp" srcset="../_astro/a-1.webp 1x, ../_astro/a-2.webp 2x" alt="">',
			'<form action="../search/index.html" method="get"></form>',
			'<div data-search data-base="../"></div>',
			'<script type="application/json">{"dataUrl":"../data/findings-table.js","findingsUrl":"index.html","context":{"base":"../","language":"en"},"note":"\\u003c/b>"}</script>',
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
});
