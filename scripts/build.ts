import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startBuildSteps, stepTimer } from '../src/integration/build-steps.ts';
import { acquireBuildLock, buildLockPath } from '../src/lib/build/lock.ts';
import { astroCachePath, clearLeftovers, searchIndexPath, stagingPath } from '../src/lib/build/leftovers.ts';
import { writeMarker } from '../src/lib/build/marker.ts';
import { endPlan, planReuse, recordPages } from '../src/lib/build/page-reuse.ts';
import { keepSearchRecords } from '../src/lib/build/search-head-start.ts';
import { SearchIndexer } from '../src/lib/build/search-indexer.ts';
import { judgeOutput, outputFacts } from '../src/lib/build/output-folder.ts';
import { swapIn } from '../src/lib/build/swap.ts';
import { contentDir, outDir } from '../src/lib/content/dirs.ts';
import { CACHE_ROOT, currentContent } from '../src/lib/content/current.ts';
import { displayPath } from '../src/lib/display-path.ts';
import { formatNumber } from '../src/lib/format.ts';
import { closeSession } from '../src/lib/session.ts';
import { commandArgs, main, projectRoot, reportProblems } from './cli.ts';

/** A path for a message: `.` alone reads as nothing, so the project's own folder is named in full. */
function shownPath(path: string): string {
	const shown = displayPath(path);
	return shown === '.' ? path : shown;
}

/** Why the build must not write there, from what is on disk now; undefined when it may. */
function refusal(out: string, content: string, named: boolean): string | undefined {
	const facts = outputFacts({ out, report: content, project: resolve(projectRoot), named });
	return judgeOutput(facts, shownPath);
}

interface BuildPlan {
	content: string;
	out: string;
	shown: string;
	named: boolean;
	step: (label: string) => void;
	indexer: SearchIndexer;
	full: boolean;
}

function version(): string {
	return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * `npm run build`: the check, then Astro (whose integration adds the images, search index, offline edition and
 * service worker, see src/integration/build-steps.ts) into a private staging folder, and only then the swap:
 * a failed build leaves the previous site exactly as it was.
 */
await main(async () => {
	const { values } = commandArgs({ full: { type: 'boolean' } });
	const step = stepTimer();
	const content = contentDir();
	const out = outDir();
	const shown = displayPath(out);
	const named = Boolean(process.env.REPORT_OUT);
	// Before anything reads or writes: a build replaces its output folder whole.
	const refused = refusal(out, content, named);
	if (refused) {
		console.error(refused);
		return 1;
	}
	const restored = clearLeftovers(out, CACHE_ROOT);
	if (restored)
		console.log(
			`Restored the previous site at ${shown} from ${displayPath(restored)}: a build was stopped while replacing it.`,
		);
	// Pagefind starts on the records of the files unchanged since the last build while the check reads the folder.
	const indexer = new SearchIndexer({ cacheRoot: CACHE_ROOT, reportDir: content });
	try {
		return await buildSite({ content, out, shown, named, step, indexer, full: values.full === true });
	} finally {
		// Whatever stopped the build, no thread it started outlives it.
		await Promise.all([indexer.stop(), closeSession()]);
	}
});

/** The check, Astro's build into a staging folder, and the swap; the caller ends the threads. */
async function buildSite({ content, out, shown, named, step, indexer, full }: BuildPlan): Promise<number> {
	// Read once, here: Astro's content loader and the build steps take this same content (content/current.ts).
	if (!(await reportProblems(content))) {
		console.error(`Build stopped before it started; ${shown} was left as it was.`);
		return 1;
	}
	step('check');
	// Pagefind and the offline edition's worker go on now, while Astro starts up (see build-steps.ts).
	startBuildSteps(currentContent(content), indexer);
	// A rebuild keeps the finding pages whose inputs did not change; `--full` renders every page.
	planReuse({
		out,
		cacheRoot: CACHE_ROOT,
		content: currentContent(content),
		full,
	});
	// Astro reads the folders' names again while it builds: hand them over as absolute paths.
	process.env.REPORT_CONTENT = content;
	process.env.REPORT_OUT = out;
	// Astro keeps its intermediate chunks inside the output folder when that lies in the project (otherwise
	// in a shared ./.astro); the chunks import packages, so they must sit above node_modules.
	const staging = stagingPath(CACHE_ROOT, process.pid);
	// Astro's own cache, per build, so that builds of different reports never mix their content.
	const cacheDir = astroCachePath(CACHE_ROOT, process.pid);
	process.chdir(projectRoot);
	// Astro lets these variables of the shell override its own: `DEV=1 npm run build` would build a dev site.
	for (const name of ['DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL']) delete process.env[name];
	const { build } = await import('astro');
	const release = await acquireBuildLock(buildLockPath(projectRoot), () =>
		console.log('Waiting for another build in this install to finish…'),
	);
	try {
		await build({ root: projectRoot, outDir: staging, cacheDir, logLevel: process.env.DEBUG ? 'debug' : 'warn' });
	} catch (error) {
		endPlan();
		rmSync(staging, { recursive: true, force: true });
		// Astro puts its stack inside the message; the author needs the first lines only.
		const message = (error instanceof Error ? error.message : String(error))
			.split('\n')
			.filter((line) => !/^\s+at /.test(line))
			.join('\n');
		console.error(`Build failed: ${message.trim()}`);
		console.error(`${shown} was left as it was.`);
		return 1;
	} finally {
		rmSync(cacheDir, { recursive: true, force: true });
		rmSync(searchIndexPath(CACHE_ROOT, process.pid), { recursive: true, force: true });
		release();
	}
	// The folder may have changed while Astro ran (a build takes a while): judged again, just before replacing it.
	const late = refusal(out, content, named);
	if (late) {
		endPlan();
		rmSync(staging, { recursive: true, force: true });
		console.error(late);
		return 1;
	}
	// Marked after the build steps, so the service worker and the offline edition never list the marker.
	const { build: id, kept } = recordPages();
	writeMarker(staging, version(), id);
	swapIn(staging, out);
	keepSearchRecords(CACHE_ROOT, currentContent(content));
	const unchanged = kept
		? ` ${formatNumber(kept, 'en')} finding ${kept === 1 ? 'page was' : 'pages were'} unchanged and kept from the previous build.`
		: '';
	console.log(`Built ${displayPath(content)} into ${shown}.${unchanged}`);
	return 0;
}
