import { readdirSync, readFileSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { onEveryCore } from '../plumbing/core-queue.ts';
import { entryKey, type EditionEntry } from './entry-cache.ts';
import { offlineHtml } from './html.ts';

/** Files of the hosted site that the edition leaves out: its search and service worker cannot run from disk. */
const HOSTED_ONLY = /^((?:[a-z]{2,3}(?:-[A-Za-z0-9]+)*\/)?pagefind\/|sw\.js$|data\/[^/]+\.zip$|_astro\/.+\.js$)/;

/**
 * What of a built site goes into the edition, from its root with forward slashes, in order: whether each is a folder.
 * Read once, so that 10,000 pages need no second look at the disk.
 */
export function editionListing(dist: string): Map<string, boolean> {
	return new Map(
		readdirSync(dist, { recursive: true, withFileTypes: true })
			.map(
				(entry) =>
					[relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'), entry.isDirectory()] as const,
			)
			.filter(([file]) => !HOSTED_ONLY.test(file))
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
	);
}

/** Already compressed: stored as they are. */
const COMPRESSED = /\.(png|jpe?g|webp|avif|gif|woff2?|zip|gz)$/i;
/** Where the edition keeps its classic scripts, from its root. */
export const SCRIPTS = '_offline/';

export const isCompressed = (file: string) => COMPRESSED.test(file);

/**
 * Where a module script's classic bundle goes: `ChartScript.astro_astro_type_script_index_0_lang.Hx.js` becomes
 * `_offline/ChartScript.Hx.js`.
 */
export function classicScriptPath(src: string): string {
	return `${SCRIPTS}${basename(src).replace(/\.astro_astro_type_script_index_\d+_lang/, '')}`;
}

/** What the zip holds of a file. */
export type PackedEntry = Omit<EditionEntry, 'folders' | 'scripts'>;

/**
 * A file's entry in the zip: deflated by Node's zlib (faster than fflate's), unless already compressed. The deflated
 * bytes are copied out of zlib's output, a view into 64 KiB that four outputs share: a worker posting 5,000 pages
 * would copy 82 MB of those (0.2 s at the end of the edition, when every thread waits for it) rather than 8 MB.
 */
export function packed(file: string, bytes: Uint8Array): PackedEntry {
	const stored = isCompressed(file) ? bytes : new Uint8Array(deflateRawSync(bytes, { level: 6 }));
	return { crc: crc32(bytes), size: bytes.length, stored };
}

export interface EntrySetup {
	/** The built site, whose files the entries are made from. */
	dist: string;
	base: string;
	note: string;
	/** Every folder of the site, so that links to one name its index.html. */
	folders: readonly string[];
	/** The entry cache's settings, which each entry's key includes (see entry-cache.ts). */
	settings: string;
}

/** An entry made, and the key its file's bytes give it in the entry cache. */
export type MadeEntry = [key: string, entry: EditionEntry];

const folderSets = new WeakMap<EntrySetup, Set<string>>();

/** The site's folders as a set, made once per thread rather than for each batch of entries it takes. */
function folderSet(setup: EntrySetup): Set<string> {
	let folders = folderSets.get(setup);
	if (!folders) folderSets.set(setup, (folders = new Set(setup.folders)));
	return folders;
}

const utf8 = new TextEncoder();

/** A file's entry: a page rewritten for reading from disk, then packed; any other file packed as it is. */
export function makeEntry(file: string, bytes: Buffer, setup: EntrySetup): EditionEntry {
	if (!file.endsWith('.html')) return { ...packed(file, bytes), folders: [], scripts: [] };
	const folders = folderSet(setup);
	const asked = new Map<string, boolean>();
	const named: string[] = [];
	const html = offlineHtml(bytes.toString('utf8'), {
		file,
		base: setup.base,
		note: setup.note,
		isFolder: (folder) => {
			const is = folders.has(folder);
			asked.set(folder, is);
			return is;
		},
		classicScript: (src) => (named.push(src), classicScriptPath(src)),
	});
	return { ...packed(file, utf8.encode(html)), folders: [...asked], scripts: named };
}

/**
 * Makes entries one after another in this thread. Each file is read here rather than sent, so that no thread holds
 * the whole site, and read once: its key is worked out here too.
 */
export function makeEntriesHere(files: readonly string[], setup: EntrySetup): MadeEntry[] {
	return files.map((file) => {
		const bytes = readFileSync(join(setup.dist, file));
		return [entryKey(setup.settings, file, bytes), makeEntry(file, bytes, setup)];
	});
}

/**
 * Makes many entries on every core: rewriting 10,000 pages on a parsed tree is most of the edition's time.
 */
export function makeEntries(jobs: readonly string[], setup: EntrySetup): Promise<MadeEntry[]> {
	return onEveryCore(jobs, setup, {
		here: makeEntriesHere,
		worker: new URL('./entry-worker.ts', import.meta.url),
		name: 'the offline edition',
	});
}
