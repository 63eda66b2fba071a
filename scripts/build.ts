import { createHash } from 'node:crypto';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir, outDir } from '../src/lib/content-dirs.ts';
import { displayPath } from '../src/lib/display-path.ts';
import { main, projectRoot, reportProblems } from './cli.ts';

/**
 * Checks the content, builds into a staging folder beside the output, and only then swaps it in:
 * a failed build leaves the previous site exactly as it was.
 */
await main(async () => {
	const content = contentDir();
	const out = outDir();
	const shown = displayPath(out);
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
		// Astro puts its stack inside the message; the author needs the first lines only.
		const message = (error instanceof Error ? error.message : String(error)).split('\n').filter((line) => !/^\s+at /.test(line)).join('\n');
		console.error(`Build failed: ${message.trim()}`);
		console.error(`${shown} was left as it was.`);
		return 1;
	}
	const previous = `${out}.previous-${process.pid}`;
	if (existsSync(out)) renameSync(out, previous);
	renameSync(staging, out);
	rmSync(previous, { recursive: true, force: true });
	console.log(`Built ${displayPath(content)} into ${shown}.`);
	return 0;
});
