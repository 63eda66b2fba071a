import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.ts';

const SCRIPTS = join(ROOT, 'src', 'scripts');

/** Every module a browser script imports, followed through relative imports, with what each imports. */
function imports(entry: string, seen = new Map<string, string[]>()): Map<string, string[]> {
	if (seen.has(entry)) return seen;
	// `import type` is erased before the code runs, so it brings nothing along.
	const specifiers = [...readFileSync(entry, 'utf8').matchAll(/^\s*import\s(?!type\s)[^'"]*['"]([^'"]+)['"]/gm)].map(
		(match) => match[1]!,
	);
	seen.set(entry, specifiers);
	for (const specifier of specifiers) if (specifier.startsWith('.')) imports(resolve(dirname(entry), specifier), seen);
	return seen;
}

describe('the code browsers run', () => {
	it('imports nothing that only Node has', () => {
		const all = new Map<string, string[]>();
		for (const file of readdirSync(SCRIPTS).filter((name) => name.endsWith('.ts'))) imports(join(SCRIPTS, file), all);
		const nodeOnly = [...all].flatMap(([file, specifiers]) =>
			specifiers
				.filter((specifier) => specifier.startsWith('node:'))
				.map((specifier) => `${file.slice(ROOT.length)} imports ${specifier}`),
		);
		expect(all.size).toBeGreaterThan(5);
		expect(nodeOnly).toEqual([]);
	});
});
