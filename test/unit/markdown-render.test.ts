import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/lib/markdown/render.ts';
import { ENGLISH, SHIPPED } from '../../src/lib/i18n/catalogues.ts';
import type { Messages } from '../../src/lib/i18n/messages.ts';

const images = (url: string) =>
	url.startsWith('ok') ? { src: `/_images/${url}`, width: 4, height: 3 } : { problem: `no image "${url}" here` };
const render = (body: string) => renderMarkdown({ body, bodyLine: 10, file: 'f.md', context: undefined, images });
const problems = (body: string) => render(body).problems.map(({ line, message }) => `${line}: ${message}`);

describe('renderMarkdown', () => {
	it('renders colons in prose as written, and GFM autolinks', () => {
		expect(render('At 10:30, Contact:info@example.org or https://example.org.').html).toBe(
			'<p>At 10:30, Contact:<a href="mailto:info@example.org">info@example.org</a> or <a href="https://example.org">https://example.org</a>.</p>',
		);
	});

	it('keeps an allowed protocol as its author wrote it, in any case, and still refuses the others', () => {
		const { html, problems } = render('<MAILTO:FOO@BAR.BAZ> [x](HTTPS://example.org) <q cite="Http://a.example">q</q>');
		expect(problems).toEqual([]);
		expect(html).toBe(
			'<p><a href="MAILTO:FOO@BAR.BAZ">MAILTO:FOO@BAR.BAZ</a> <a href="HTTPS://example.org">x</a> <q cite="Http://a.example">q</q></p>',
		);
		expect(render('[x](HTTPS://example.org) <a href="JavaScript:x">y</a>').html).toBe(
			'<p><a href="HTTPS://example.org">x</a> <a>y</a></p>',
		);
	});

	it('refuses a quotation cited from an email address, which the sanitiser would drop unseen', () => {
		expect(problems('<q cite="mailto:a@example.org">q</q>')).toEqual([
			'10: <q cite="mailto:…"> is not allowed; cite an http(s) or relative address',
		]);
	});

	it('gives headings ids that never take the page’s own', () => {
		expect(render('## Content\n\n## Method\n\n## Method').html).toBe(
			'<h2 id="content-1">Content</h2>\n<h2 id="method">Method</h2>\n<h2 id="method-1">Method</h2>',
		);
	});

	it('writes code as plain pre and code with the language as a class, never highlighted', () => {
		expect(render('```js\nconst a = 1 < 2;\n```').html).toBe(
			'<pre><code class="language-js">const a = 1 &#x3C; 2;\n</code></pre>',
		);
	});

	it('hides the footnotes’ heading from sight only, and links notes both ways', () => {
		const { html } = render('Text.[^1]\n\n[^1]: The note.');
		expect(html).toContain('<h2 class="sr-only" id="user-content-footnote-label">Footnotes</h2>');
		expect(html).toContain('<a href="#user-content-fn-1" id="user-content-fnref-1"');
		expect(html).toContain('<li id="user-content-fn-1">');
	});

	it('labels the footnotes in the report’s language', () => {
		const charts = {
			language: 'cy',
			messages: { ...ENGLISH, ...SHIPPED.cy } as Messages,
			statuses: {},
			outcomes: {},
			metrics: {},
			themes: [],
		};
		const context = {
			figures: {},
			findings: [],
			vocabulary: { metrics: [], statuses: [], outcomes: [], themes: [] },
			charts,
		};
		const { html } = renderMarkdown({
			body: 'Testun.[^1]\n\n[^1]: Nodyn.',
			bodyLine: 1,
			file: 'f.md',
			context,
			images,
		});
		expect(html).toContain('>Troednodiadau</h2>');
		expect(html).toContain('aria-label="Yn ôl at gyfeiriad 1"');
		expect(html).not.toMatch(/Footnotes|Back to/);
	});

	it('keeps allowed HTML and prefixes its ids', () => {
		expect(render('<details id="more"><summary>More</summary>\n\nHidden.\n\n</details>').html).toBe(
			'<details id="user-content-more"><summary>More</summary>\n<p>Hidden.</p>\n</details>',
		);
	});

	it('reports HTML outside the allowlist at its line, and never lets it through', () => {
		const body =
			'One\n\n<script>alert(1)</script>\n\n<img src="ok.png" onerror="alert(1)"> <span style="color:red">x</span>\n\n[x](javascript:alert(1)) <a href="JavaScript:x">y</a>\n\n<iframe srcdoc="x"></iframe>';
		expect(problems(body)).toEqual([
			'12: <script> is not allowed in Markdown; remove it (docs/security.md lists the HTML a report may use)',
			'14: the onerror attribute on <img> is not allowed: reports run no script; remove it',
			'14: the style attribute on <span> is not allowed; remove it',
			'16: <a href="javascript:…"> is not allowed; link to an http(s), mailto or relative address',
			'16: <a href="JavaScript:…"> is not allowed; link to an http(s), mailto or relative address',
			'18: <iframe> is not allowed in Markdown; remove it (docs/security.md lists the HTML a report may use)',
		]);
		const { html } = render(body);
		expect(html).not.toMatch(/script|onerror|style=|javascript|iframe/i);
	});

	it.each([
		['<script>alert(1)</script>', 'script'],
		['<img src="ok.png" onerror="alert(1)">', 'onerror'],
		['<svg onload="alert(1)"></svg>', 'svg'],
		['<iframe srcdoc="<script>alert(1)</script>"></iframe>', 'iframe'],
		['[x](javascript:alert(1))', 'javascript'],
		['<a href="javascript:alert(1)">x</a>', 'javascript'],
		['<style>body{display:none}</style>', 'style'],
		['<xmp><b>x</b></xmp>', 'xmp'],
		['<title>x</title>', 'title'],
		['<a href="https://example.org">never closed', '<a>'],
		['<object data="x"></object>', 'object'],
		['<form action="/x"><input name="q"></form>', 'form'],
	])('refuses %s, and renders nothing of it that could run or hide the page', (body, named) => {
		const { html, problems: found } = render(`Before.\n\n${body}\n\nAfter.`);
		expect(found.map((problem) => problem.message).join('\n')).toContain(named);
		expect(html).not.toMatch(/<(script|svg|iframe|style|xmp|title|object|form)\b|on\w+=|javascript:/i);
		expect(html).toContain('<p>After.</p>');
	});

	it('reports raw HTML that is never closed, or closes nothing, and accepts end tags HTML lets one leave out', () => {
		expect(problems('Text <a href="https://example.org">link\n\nMore </div>\n\n<details>\n\nnever closed')).toEqual([
			'10: <a> is never closed; add </a> where it ends',
			'12: </div> closes no open <div>; remove it, or add the start tag',
			'14: <details> is never closed; add </details> where it ends',
		]);
		expect(problems('<table>\n<tr><td>a<td>b\n</table>\n\nA<br>b')).toEqual([]);
	});

	it('resolves every image, from Markdown, references or HTML, to the published copy with its size', () => {
		const { html } = render('![A](ok-a.png) ![B][b] <img src="ok-c.png" alt="C">\n\n[b]: ok-b.png');
		expect(html).toBe(
			'<p><img src="/_images/ok-a.png" alt="A" width="4" height="3"> <img src="/_images/ok-b.png" alt="B" width="4" height="3"> <img src="/_images/ok-c.png" alt="C" width="4" height="3"></p>',
		);
		expect(problems('![gone](elsewhere.png)')).toEqual(['10: no image "elsewhere.png" here']);
		expect(render('![gone](elsewhere.png)').html).toBe('<p><img alt="gone"></p>');
	});
});
