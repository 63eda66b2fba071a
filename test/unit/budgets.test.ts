import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { overBudget, weighPage } from '../../src/lib/build/budgets.ts';

const dist = mkdtempSync(join(tmpdir(), 'findings-budget-'));
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function write(path: string, text: string) {
	mkdirSync(join(dist, path, '..'), { recursive: true });
	writeFileSync(join(dist, path), text);
}

describe('page weight', () => {
	it('counts linked and inline scripts with the modules they import, once each, but not JSON data', () => {
		const chunk = 'export const x = 1;'.repeat(50);
		write('_astro/chunk.js', chunk);
		write('_astro/entry.js', 'import{x}from"./chunk.js";import"./chunk.js";console.log(x);');
		write('_astro/style.css', 'body{color:red}');
		write(
			'a/index.html',
			'<link rel="stylesheet" href="/_astro/style.css"><style>p{margin:0}</style><script type="module" src="/_astro/entry.js"></script><script>var y=2</script><script type="application/json">{"big":"data"}</script>',
		);
		const gz = (text: string) => gzipSync(text).length;
		expect(weighPage(dist, 'a/index.html')).toEqual({
			page: 'a/index.html',
			js: gz('import{x}from"./chunk.js";import"./chunk.js";console.log(x);') + gz(chunk) + gz('var y=2'),
			css: gz('body{color:red}') + gz('p{margin:0}'),
		});
	});

	it('names the page, the kind and both sizes when over budget', () => {
		expect(
			overBudget(
				{ page: 'index.html', js: 150 * 1024, css: 1024 },
				{ page: 'index.html', js: 100 * 1024, css: 30 * 1024 },
			),
		).toEqual(['index.html: JavaScript is 150.0 KB gzipped, over its budget of 100.0 KB']);
		expect(overBudget({ page: 'index.html', js: 1, css: 1 }, { page: 'index.html', js: 100 })).toEqual([]);
	});
});
