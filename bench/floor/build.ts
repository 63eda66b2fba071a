import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as pagefind from 'pagefind';

/**
 * The floor of `npm run benchmark`: a bare Astro site of the same findings (one page each and a list), indexed by
 * Pagefind from its HTML. FLOOR_CONTENT=<report>/findings FLOOR_OUT=<folder> node bench/floor/build.ts
 */
const root = fileURLToPath(new URL('.', import.meta.url));

function fail(step: string, errors: string[]): never {
	throw new Error(`Pagefind: ${step} failed: ${errors.join('; ')}`);
}

async function buildFloor(content: string, outDir: string): Promise<number> {
	// Astro's and Vite's caches are private to this run, so the floor is always a cold build and leaves nothing behind.
	const cacheDir = mkdtempSync(join(tmpdir(), 'findings-floor-cache-'));
	try {
		const { build } = await import('astro');
		await build({ root, outDir, cacheDir, vite: { cacheDir: join(cacheDir, 'vite') }, logLevel: 'warn' });
		const created = await pagefind.createIndex();
		if (!created.index) fail('creating the index', created.errors);
		const added = await created.index.addDirectory({ path: outDir });
		if (added.errors.length) fail(`indexing ${outDir}`, added.errors);
		const written = await created.index.writeFiles({ outputPath: join(outDir, 'pagefind') });
		if (written.errors.length) fail('writing the index', written.errors);
		console.log(`Floor: built and indexed ${added.page_count} pages from ${content} into ${outDir}.`);
		return 0;
	} finally {
		rmSync(cacheDir, { recursive: true, force: true });
		await pagefind.close();
	}
}

const { FLOOR_CONTENT, FLOOR_OUT } = process.env;
if (!FLOOR_CONTENT || !FLOOR_OUT) {
	console.error('usage: FLOOR_CONTENT=<report>/findings FLOOR_OUT=<folder> node bench/floor/build.ts');
	process.exitCode = 1;
} else if (!existsSync(FLOOR_CONTENT)) {
	// Astro would only warn, and build an empty site whose time means nothing.
	console.error(`Floor build failed: FLOOR_CONTENT names ${resolve(FLOOR_CONTENT)}, which does not exist.`);
	process.exitCode = 1;
} else {
	// The config and the content loader read these again, from another working directory: make them absolute.
	process.env.FLOOR_CONTENT = resolve(FLOOR_CONTENT);
	process.env.FLOOR_OUT = resolve(FLOOR_OUT);
	process.env.ASTRO_TELEMETRY_DISABLED = '1';
	// Astro writes its intermediate chunks into <cwd>/.astro when outDir lies outside the working directory: from here
	// that is bench/floor/.astro (ignored by git, and above node_modules so the chunks resolve astro), never the
	// project's own .astro.
	process.chdir(root);
	try {
		process.exitCode = await buildFloor(process.env.FLOOR_CONTENT, process.env.FLOOR_OUT);
	} catch (error) {
		console.error(`Floor build failed: ${error instanceof Error ? error.message : String(error)}`);
		if (process.env.DEBUG) console.error(error);
		process.exitCode = 1;
	}
}
