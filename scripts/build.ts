import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stepTimer } from '../src/integration/build-steps.ts';
import { acquireBuildLock, buildLockPath } from '../src/lib/build-lock.ts';
import { contentDir, outDir } from '../src/lib/content-dirs.ts';
import { CACHE_ROOT } from '../src/lib/content/current.ts';
import { displayPath } from '../src/lib/display-path.ts';
import { closePagefind } from '../src/lib/pagefind-index.ts';
import { main, projectRoot, reportProblems } from './cli.ts';

/** Moves a folder, copying when the destination is on another disk. */
function move(from: string, to: string): void {
	try {
		renameSync(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		cpSync(from, to, { recursive: true });
		rmSync(from, { recursive: true, force: true });
	}
}

/**
 * Deletes a folder after this command has finished: the new site is already in place, and deleting the previous
 * one (10,000 pages take seconds) need not hold up the author.
 */
function removeInBackground(path: string): void {
	if (!existsSync(path)) return;
	const remove = `require('node:fs').rmSync(${JSON.stringify(path)}, { recursive: true, force: true })`;
	spawn(process.execPath, ['-e', remove], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * `npm run build`: the check, then Astro (whose integration adds the images, search index, offline edition and
 * service worker, see src/integration/build-steps.ts) into a private staging folder, and only then the swap:
 * a failed build leaves the previous site exactly as it was.
 */
await main(async () => {
	const step = stepTimer();
	const content = contentDir();
	const out = outDir();
	const shown = displayPath(out);
	// Read once, here: Astro's content loader and the build steps take this same content (content/current.ts).
	if (!(await reportProblems(content))) {
		console.error(`Build stopped before it started; ${shown} was left as it was.`);
		return 1;
	}
	step('check');
	// Astro reads the folders' names again while it builds: hand them over as absolute paths.
	process.env.REPORT_CONTENT = content;
	process.env.REPORT_OUT = out;
	// Astro keeps its intermediate chunks inside the output folder when that lies in the project (otherwise
	// in a shared ./.astro); the chunks import packages, so they must sit above node_modules.
	const staging = join(CACHE_ROOT, `build-${process.pid}`);
	// Astro's own cache, per build, so that builds of different reports never mix their content.
	const cacheDir = join(CACHE_ROOT, `cache-${process.pid}`);
	process.chdir(projectRoot);
	// Astro lets these variables of the shell override its own: `DEV=1 npm run build` would build a dev site.
	for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete process.env[name];
	const { build } = await import('astro');
	const release = await acquireBuildLock(buildLockPath(projectRoot), () => console.log('Waiting for another build in this install to finish…'));
	try {
		await build({ root: projectRoot, outDir: staging, cacheDir, logLevel: process.env.DEBUG ? 'debug' : 'warn' });
	} catch (error) {
		rmSync(staging, { recursive: true, force: true });
		// Astro puts its stack inside the message; the author needs the first lines only.
		const message = (error instanceof Error ? error.message : String(error)).split('\n').filter((line) => !/^\s+at /.test(line)).join('\n');
		console.error(`Build failed: ${message.trim()}`);
		console.error(`${shown} was left as it was.`);
		return 1;
	} finally {
		rmSync(cacheDir, { recursive: true, force: true });
		release();
		await closePagefind();
	}
	mkdirSync(dirname(out), { recursive: true });
	const incoming = `${out}.incoming-${process.pid}`;
	const previous = `${out}.previous-${process.pid}`;
	move(staging, incoming);
	if (existsSync(out)) renameSync(out, previous);
	renameSync(incoming, out);
	removeInBackground(previous);
	console.log(`Built ${displayPath(content)} into ${shown}.`);
	return 0;
});
