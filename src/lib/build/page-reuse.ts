import { createHash, randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ReportContent } from '../content/load.ts';
import { cacheFileFor, writeCacheFile } from '../plumbing/cache-file.ts';
import { codeDigest } from '../plumbing/code-digest.ts';
import { MARKER } from './marker.ts';
import { session } from '../session.ts';

/**
 * A rebuild takes each finding page whose inputs have not changed from the previous site instead of rendering it
 * again: Astro has no incremental build, and 10,000 finding pages are most of a build's time. A page's key is a
 * digest of everything it shows: the finding and its neighbours as the page receives them, and (shared by every
 * page) the report, themes, chapters, earlier editions, base path and the code that renders. The keys of the
 * site at the output folder are kept in the install's cache, tied to that site by the build id in its marker.
 */

interface Manifest {
	build: string;
	keys: Record<string, string>;
}

export interface Plan {
	manifest: string;
	/** The site being replaced, whose pages may be kept. */
	previous: string;
	previousKeys: ReadonlyMap<string, string>;
	shared: string;
	/** Every finding page's key in this build, rendered or kept. */
	keys: Map<string, string>;
	kept: Set<string>;
}

/** The build id in a site's marker, if it has one. */
function builtBy(dir: string): string | undefined {
	try {
		return (JSON.parse(readFileSync(join(dir, MARKER), 'utf8')) as { build?: string }).build;
	} catch {
		return undefined;
	}
}

function readManifest(path: string): Manifest | undefined {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
	} catch {
		return undefined;
	}
}

/** What every finding page shows besides its own finding: a change here renders every page again. */
function sharedDigest(content: ReportContent): string {
	const entries = <T>(list: { id: string; data: T }[]) => list.map(({ id, data }) => [id, data]);
	return createHash('sha256')
		.update(codeDigest())
		.update(
			JSON.stringify([
				content.base,
				content.report?.data,
				entries(content.themes),
				entries(content.pages),
				content.editions,
				content.strings,
				Object.entries(content.translations).map(([language, words]) => [
					language,
					words.report?.data,
					entries(words.themes),
					entries(words.pages),
				]),
			]),
		)
		.digest('base64url');
}

/**
 * Before a build: which previous site's pages this build may keep. None when asked for a full build, when there is
 * no previous site, or when the kept keys describe another site than the one at `out`.
 */
export function planReuse(input: { out: string; cacheRoot: string; content: ReportContent; full: boolean }): void {
	const path = cacheFileFor(input.cacheRoot, 'pages', input.out, 'json');
	const manifest = readManifest(path);
	const usable = !input.full && manifest !== undefined && builtBy(input.out) === manifest.build;
	session().reuse = {
		manifest: path,
		previous: input.out,
		previousKeys: new Map(usable ? Object.entries(manifest.keys) : []),
		shared: sharedDigest(input.content),
		keys: new Map(),
		kept: new Set(),
	};
}

/** A finding page's folder in the site is its key: `findings/INV-07`, or `en/findings/INV-07` in English. */
const pageFile = (folder: string) => join(folder, 'index.html');

/**
 * Called by the finding pages' getStaticPaths with what each page receives: true when the previous site's page
 * for that finding can be kept, so Astro need not render it. Outside a planned build (`npm run dev`), never.
 */
export function keepPage(id: string, props: unknown): boolean {
	const plan = session().reuse;
	if (!plan) return false;
	const key = createHash('sha256').update(plan.shared).update(JSON.stringify(props)).digest('base64url');
	plan.keys.set(id, key);
	const keep = plan.previousKeys.get(id) === key && existsSync(join(plan.previous, pageFile(id)));
	if (keep) plan.kept.add(id);
	return keep;
}

/** Every file name under a folder, sorted: the scripts and styles a page names. */
function listing(dir: string): string[] {
	return existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : [];
}

/**
 * After Astro: puts the kept pages into the new site, linked where the disk allows (the previous site is deleted
 * once the new one is in place) and copied otherwise. Returns how many were kept.
 */
export function placeKeptPages(dist: string): number {
	const plan = session().reuse;
	if (!plan?.kept.size) return 0;
	// Kept pages name the previous build's hashed scripts and styles; the same code makes the same names.
	if (listing(join(plan.previous, '_astro')).join('\n') !== listing(join(dist, '_astro')).join('\n')) {
		// Never again from these keys: the next build renders every page.
		rmSync(plan.manifest, { force: true });
		throw new Error(
			'the finding pages kept from the previous build name scripts or styles that this build did not make. ' +
				'Run `npm run build` again: it will render every page.',
		);
	}
	for (const id of plan.kept) {
		const target = join(dist, pageFile(id));
		mkdirSync(dirname(target), { recursive: true });
		try {
			linkSync(join(plan.previous, pageFile(id)), target);
		} catch {
			copyFileSync(join(plan.previous, pageFile(id)), target);
		}
	}
	return plan.kept.size;
}

/**
 * After a build that succeeded, before its site goes in place: a new build id for the marker, with this build's
 * page keys kept under it, and how many finding pages were kept rather than rendered.
 */
export function recordPages(): { build: string; kept: number } {
	const build = randomUUID();
	const plan = endPlan();
	if (plan) {
		writeCacheFile(plan.manifest, JSON.stringify({ build, keys: Object.fromEntries(plan.keys) } satisfies Manifest));
	}
	return { build, kept: plan?.kept.size ?? 0 };
}

/** Ends the plan, whether or not the build succeeded: nothing of it outlives the build. */
export function endPlan(): Plan | undefined {
	const plan = session().reuse;
	session().reuse = undefined;
	return plan;
}
