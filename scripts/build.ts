import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { contentDir, outDir } from '../src/lib/content-dirs.ts';
import { main, projectRoot, reportProblems } from './cli.ts';

/**
 * Checks the content, builds into a staging folder beside the output, and only then swaps it in:
 * a failed build leaves the previous site exactly as it was.
 */
await main(async () => {
	const content = contentDir();
	const out = outDir();
	const shown = relative(process.cwd(), out) || out;
	if (!reportProblems(content)) {
		console.error(`Build stopped before it started; ${shown} was left as it was.`);
		return 1;
	}
	const staging = `${out}.building-${process.pid}`;
	// One cache per report folder, so that builds of different reports never mix their content.
	const cacheDir = join(projectRoot, 'node_modules', '.cache', 'findings-report', createHash('sha256').update(content).digest('hex').slice(0, 12));
	const { build } = await import('astro');
	try {
		await build({ root: projectRoot, outDir: staging, cacheDir, logLevel: process.env.DEBUG ? 'debug' : 'warn' });
	} catch (error) {
		rmSync(staging, { recursive: true, force: true });
		console.error(`Build failed: ${error instanceof Error ? error.message : String(error)}`);
		console.error(`${shown} was left as it was.`);
		return 1;
	}
	const previous = `${out}.previous-${process.pid}`;
	if (existsSync(out)) renameSync(out, previous);
	renameSync(staging, out);
	rmSync(previous, { recursive: true, force: true });
	console.log(`Built ${relative(process.cwd(), content) || content} into ${shown}.`);
	return 0;
});
