import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { acquireBuildLock, buildLockPath } from '../src/lib/build-lock.ts';
import { contentDir, outDir } from '../src/lib/content-dirs.ts';
import { displayPath } from '../src/lib/display-path.ts';
import { formatBytes } from '../src/lib/format.ts';
import { editionReadme, type EditionInput } from '../src/lib/offline-edition.ts';
import { closePagefind, pagefindFiles } from '../src/lib/pagefind-index.ts';
import { searchRecords } from '../src/lib/search-records.ts';
import { precacheList, serviceWorkerSource } from '../src/lib/service-worker.ts';
import { siteSettings } from '../src/lib/site-settings.ts';
import { offlineEditionName } from '../src/lib/slug.ts';
import { main, projectRoot, reportProblems } from './cli.ts';

/** With BUILD_TIMES=1, how long each step of the build took, for benchmarks. */
function timer(): (label: string) => void {
	let last = performance.now();
	return (label) => {
		const now = performance.now();
		if (process.env.BUILD_TIMES) console.log(`${label}: ${((now - last) / 1000).toFixed(1)} s`);
		last = now;
	};
}

/** Writes the offline edition in a worker thread (see offline-edition-worker.ts); its errors fail the build. */
function offlineEdition(input: EditionInput): Promise<{ path: string; bytes: number }> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./offline-edition-worker.ts', import.meta.url), { workerData: input });
		worker.once('message', resolve);
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the offline edition stopped with exit code ${code}`)));
	});
}

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
 * Checks the content, builds into a private staging folder, and only then swaps the result in:
 * a failed build leaves the previous site exactly as it was.
 */
await main(async () => {
	const content = contentDir();
	const out = outDir();
	const shown = displayPath(out);
	const loaded = reportProblems(content);
	if (!loaded) {
		console.error(`Build stopped before it started; ${shown} was left as it was.`);
		return 1;
	}
	// Astro reads the folders again while it builds: hand them over as absolute paths.
	process.env.REPORT_CONTENT = content;
	process.env.REPORT_OUT = out;
	const work = join(projectRoot, 'node_modules', '.cache', 'findings-report');
	// Astro keeps its intermediate chunks inside the output folder when that lies in the project (otherwise
	// in a shared ./.astro); the chunks import packages, so they must sit above node_modules.
	const staging = join(work, `build-${process.pid}`);
	// A content cache of its own, so that builds of different reports never mix their content.
	const cacheDir = join(work, `cache-${process.pid}`);
	process.chdir(projectRoot);
	// Astro lets these variables of the shell override its own: `DEV=1 npm run build` would build a dev site.
	for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete process.env[name];
	const { build } = await import('astro');
	const release = await acquireBuildLock(buildLockPath(projectRoot), () => console.log('Waiting for another build in this install to finish…'));
	try {
		const step = timer();
		await build({ root: projectRoot, outDir: staging, cacheDir, logLevel: process.env.DEBUG ? 'debug' : 'warn' });
		step('pages');
		// The search index, from the same content as the pages; a failure here fails the build like any other.
		const report = loaded.report!.data;
		const { base } = siteSettings(content);
		const records = searchRecords(loaded);
		const files = await pagefindFiles(records, report.language);
		for (const [path, bytes] of files) {
			mkdirSync(dirname(join(staging, 'pagefind', path)), { recursive: true });
			writeFileSync(join(staging, 'pagefind', path), bytes);
		}
		step('search index');
		// The offline edition, from the same pages and search records; the data page then says how big it is.
		const offline = await offlineEdition({ dist: staging, base, site: report.site, name: offlineEditionName(report), records, language: report.language, readme: editionReadme(report), modified: new Date(`${report.asAt}T12:00:00Z`) });
		const dataPage = join(staging, 'data', 'index.html');
		writeFileSync(dataPage, readFileSync(dataPage, 'utf8').replace('<span data-offline-size></span>', `<span data-offline-size>It is ${formatBytes(offline.bytes, report.language)}.</span>`));
		step(`offline edition (${offline.path}, ${formatBytes(offline.bytes, 'en')})`);
		// Last, so that the edition it names covers every other file.
		const { urls, edition } = precacheList(staging, base);
		writeFileSync(join(staging, 'sw.js'), serviceWorkerSource(urls, edition));
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
	const incoming = `${out}.incoming-${process.pid}`;
	const previous = `${out}.previous-${process.pid}`;
	move(staging, incoming);
	if (existsSync(out)) renameSync(out, previous);
	renameSync(incoming, out);
	rmSync(previous, { recursive: true, force: true });
	console.log(`Built ${displayPath(content)} into ${shown}.`);
	return 0;
});
