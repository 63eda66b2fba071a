import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EntryCache } from './entry-cache.ts';
import { editionListing, makeEntry, type EntrySetup } from './edition-entries.ts';

/** How often the folder is looked at again, and how long a page must have been left alone to be taken. */
const LOOK_EVERY_MS = 1000;
const SETTLED_MS = 300;
/** Pages made between two looks at the messages: how long a build waits at most when it wants the edition. */
const CHUNK = 32;

/**
 * Makes the edition's entries of pages as Astro writes them, in this thread, until `stop()`: at the end of a
 * first build, Astro renders its last pages on one core while the other is idle, and rewriting every page then
 * is most of the edition's time. The entries go into the cache as if the last build had left them, so the
 * edition takes one only if the page's bytes are, when it is written, what they were here, and the folders its
 * links asked about are the site's: a page read half-written, or rewritten after, is made again then.
 */
export function makeEntriesAhead(dir: string, cache: EntryCache, setup: Omit<EntrySetup, 'dist' | 'folders'>) {
	const taken = new Set<string>();
	let stopped = false;
	let seen = false;
	let timer: NodeJS.Timeout | undefined;

	const look = () => {
		if (stopped) return;
		const now = Date.now();
		const found = listing(dir);
		if (!found) {
			// Not there yet; or gone once there: the build failed and removed it, and nothing is left to wait for.
			if (!seen) timer = setTimeout(look, LOOK_EVERY_MS);
			return;
		}
		seen = true;
		const ready = found.files.filter((file) => !taken.has(file) && settled(join(dir, file), now));
		for (const file of ready) taken.add(file);
		make(ready, { ...setup, dist: dir, folders: found.folders });
	};

	const make = (files: string[], chunkSetup: EntrySetup) => {
		if (stopped) return;
		if (!files.length) {
			timer = setTimeout(look, LOOK_EVERY_MS);
			return;
		}
		for (const file of files.slice(0, CHUNK)) makeOne(file, chunkSetup);
		// Between chunks, the message that the site is built gets through.
		setImmediate(() => make(files.slice(CHUNK), chunkSetup));
	};

	const makeOne = (file: string, chunkSetup: EntrySetup) => {
		try {
			const bytes = readFileSync(join(dir, file));
			const key = cache.key(file, bytes);
			// A page as the last build left it keeps that entry, whose folders were asked of the whole site.
			if (!cache.has(key)) cache.ahead(key, makeEntry(file, bytes, chunkSetup));
		} catch {
			// Read half-written (JSON cut off), or gone: the edition makes it from the final bytes, and reports
			// there what is really wrong with it.
		}
	};

	timer = setTimeout(look, LOOK_EVERY_MS);
	return {
		stop() {
			stopped = true;
			clearTimeout(timer);
		},
	};
}

/** Whether a file was last written a while ago; one gone or unreadable is not. */
function settled(path: string, now: number): boolean {
	try {
		return statSync(path).mtimeMs < now - SETTLED_MS;
	} catch {
		return false;
	}
}

/** The edition's HTML pages and folders in `dir` so far (see editionListing); none while it is not there. */
function listing(dir: string): { files: string[]; folders: string[] } | undefined {
	let kinds: Map<string, boolean>;
	try {
		kinds = editionListing(dir);
	} catch {
		return undefined;
	}
	const files: string[] = [];
	const folders: string[] = [];
	for (const [path, folder] of kinds) {
		if (folder) folders.push(path);
		else if (path.endsWith('.html')) files.push(path);
	}
	return { files, folders };
}
