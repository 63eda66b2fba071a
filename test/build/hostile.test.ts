import {
	cpSync,
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	symlinkSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, run } from '../support/run.ts';

/** A 1×1 PNG: a real image, so that only the case under test is wrong. */
const PNG = Buffer.from(
	'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
	'base64',
);
const work = mkdtempSync(join(tmpdir(), 'findings-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const finding = (fields: string, body = 'Body.') =>
	`---\ntitle: A finding\nsummary: s\nstatus: open\nopened: 2019-01-01\n${fields}---\n${body}\n`;

/** The minimal report plus the given files (text, bytes, or a symlink target), in a folder of its own. */
function report(name: string, files: Record<string, string | Buffer | { link: string }>): string {
	const dir = join(work, name, 'report');
	cpSync(fixture('minimal-report'), dir, { recursive: true });
	for (const [path, contents] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		if (typeof contents === 'object' && 'link' in contents) symlinkSync(contents.link, join(dir, path));
		else writeFileSync(join(dir, path), contents);
	}
	return dir;
}

/** Runs the check from the report's parent folder, so that problems name `report/…`. */
function check(dir: string) {
	return run('check', { REPORT_CONTENT: dir, INIT_CWD: dirname(dir) });
}

describe('content that once passed the check and then broke the build', () => {
	it('is reported by the check, every case at once, at its file and line', () => {
		const marker = join(work, 'ran');
		const code = `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); export default 1;`;
		const dir = report('names', {
			'findings/control.md': finding('tags: ["a\u0000b"]\n'),
			'findings/tagged.md': finding('tags: [!!js/function "function () { return 1 }"]\n'),
			'findings/custom-tag.md': finding('tags: [!custom x]\n'),
			'findings/html-id.md': finding('id: index.html\n'),
			'findings/long-id.md': finding(`id: ${'A'.repeat(300)}\n`),
			[`findings/${'b'.repeat(249)}.md`]: finding(''),
			'findings/50%.md': finding(''),
			'findings/a\\b.md': finding(''),
			'findings/a#b.md': finding(''),
			'findings/a?b.md': finding(''),
			'findings/PA\u20101.md': finding(''),
			'findings/CON.md': finding(''),
			'findings/F-2.md': finding(''),
			'findings/sub/f-2.md': finding(''),
			'findings/images.md': finding(
				'',
				[
					'![script](../assets/evil.js) ![typescript](../assets/evil.ts) ![bare](../assets/evil)',
					'![passwd](../../../../../../../../../../etc/passwd) ![builtin](<url>)',
					'![remote](https://example.org/x.png) ![linked](../assets/outside.png) ![ref][r]',
					'',
					'[r]: //example.org/y.png',
				].join('\n'),
			),
			'findings/alias.md': finding('tags: [*nowhere]\n'),
			'assets/evil.js': code,
			'assets/evil.ts': code,
			'assets/evil': code,
			'assets/outside.png': { link: join(work, 'outside.png') },
			'findings/elsewhere.md': { link: join(work, 'elsewhere.md') },
		});
		writeFileSync(join(work, 'outside.png'), PNG);
		writeFileSync(join(work, 'elsewhere.md'), finding(''));
		const result = check(dir);
		expect(result.status).toBe(1);
		expect(result.stderr).not.toMatch(/^\s+at /m);
		expect(result.stderr).not.toContain('root:');
		const lines = result.stderr.split('\n');
		const expectLine = (start: string, part: string) =>
			expect(
				lines.find((line) => line.startsWith(start) && line.includes(part)),
				`${start} … ${part}`,
			).toBeDefined();
		expectLine('report/findings/control.md:6: tags[0]: ', 'control character (U+0000)');
		expectLine('report/findings/tagged.md:6: frontmatter: ', '!!js/function is not allowed');
		expectLine('report/findings/custom-tag.md:6: frontmatter: ', '!custom is not allowed');
		expectLine('report/findings/html-id.md:6: id: ', 'index.html');
		expectLine('report/findings/long-id.md:6: id: ', '100 characters');
		expectLine(`report/findings/${'b'.repeat(249)}.md:1: file: `, '');
		expectLine('report/findings/50%.md:1: file: ', '%');
		expectLine('report/findings/a\\b.md:1: file: ', '\\');
		expectLine('report/findings/a#b.md:1: file: ', '#');
		expectLine('report/findings/a?b.md:1: file: ', '?');
		expectLine('report/findings/PA\u20101.md:1: file: ', 'U+2010');
		expectLine('report/findings/CON.md:1: file: ', 'reserved file name on Windows');
		expectLine('report/findings/F-2.md:1: ', 'report/findings/sub/f-2.md');
		expectLine('report/findings/alias.md:6: frontmatter: ', 'used before its anchor');
		for (const name of ['evil.js', 'evil.ts', 'evil'])
			expectLine(
				'report/findings/images.md:7: body: ',
				`image "../assets/${name}" is not a PNG, JPEG, GIF, WebP or AVIF image`,
			);
		expectLine(
			'report/findings/images.md:8: body: ',
			'image "../../../../../../../../../../etc/passwd" is outside the report folder',
		);
		expectLine('report/findings/images.md:8: body: ', 'image "url" not found');
		expectLine('report/findings/images.md:9: body: ', 'image "https://example.org/x.png" is on another site');
		expectLine('report/findings/images.md:9: body: ', 'image "../assets/outside.png" is outside the report folder');
		expectLine('report/findings/images.md:9: body: ', 'image "//example.org/y.png" is on another site');
		expectLine('report/findings/elsewhere.md:1: file: ', 'leads outside the report folder');
		// Nothing was imported, so nothing ran.
		expect(existsSync(marker)).toBe(false);
	});
});

describe('content that once built wrongly', () => {
	const dir = report('builds', {
		'findings/date-title.md': finding('', 'Body.').replace('title: A finding', 'title: 2025-01-01'),
		'findings/rule-first.md': finding(
			'',
			'---\nfoo: bar\n---\n\nAt 10:30, write to Contact:info@example.org or mailto:a.b@c.d.',
		),
		'findings/with-image.md': finding('', '![A chart](../assets/chart.png)'),
		'findings/draft.md': finding('draft: true\n', '![Secret](../assets/secret.png)'),
		'assets/chart.png': PNG,
		'assets/secret.png': Buffer.concat([PNG, Buffer.from('secret')]),
		'pages/counts.md': '---\ntitle: Counts\n---\nThere are :count{status=open} open findings.\n',
	});
	const out = join(work, 'builds', 'out');
	const build = () => run('build', { REPORT_CONTENT: dir, REPORT_OUT: out });
	const page = (path: string) => readFileSync(join(out, path), 'utf8');

	it('builds them as written, and publishes only the images of published findings', () => {
		const result = build();
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
		expect(page('findings/date-title/index.html')).toContain('<h1>2025-01-01</h1>');
		const body = page('findings/rule-first/index.html');
		expect(body).toContain('<hr>');
		expect(body).toContain('At 10:30, write to Contact:<a href="mailto:info@example.org">info@example.org</a>');
		expect(body).not.toContain('directive-error');
		const images = readdirSync(join(out, '_images'));
		expect(images).toEqual([expect.stringMatching(/^chart\.[0-9a-f]{10}\.png$/)]);
		expect(page('findings/with-image/index.html')).toContain(
			`<img src="/_images/${images[0]}" alt="A chart" width="1" height="1">`,
		);
		expect(existsSync(join(out, 'findings/draft'))).toBe(false);
	});

	it('counts afresh in a chapter when another finding changes, in a rebuild', () => {
		expect(page('counts/index.html')).toContain('There are 4 open findings.');
		const path = join(dir, 'findings/date-title.md');
		writeFileSync(path, readFileSync(path, 'utf8').replace('status: open', 'status: discontinued'));
		const result = build();
		expect(result.status, result.stderr).toBe(0);
		expect(page('counts/index.html')).toContain('There are 3 open findings.');
	});
});
