import { availableParallelism } from 'node:os';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { crc32, deflateRawSync } from 'node:zlib';
import type { EditionEntry } from './entry-cache.ts';
import { offlineHtml } from './html.ts';

/** Already compressed: stored as they are. */
const COMPRESSED = /\.(png|jpe?g|webp|avif|gif|woff2?|zip|gz)$/i;
/** Where the edition keeps its classic scripts, from its root. */
export const SCRIPTS = '_offline/';
/** Below this many files a worker costs more to start than it saves. */
const PARALLEL_FROM = 400;

export const isCompressed = (file: string) => COMPRESSED.test(file);

/** Where a module script's classic bundle goes: `ChartScript.astro_astro_type_script_index_0_lang.Hx.js` → `ChartScript.Hx.js`. */
export function classicScriptPath(src: string): string {
	return `${SCRIPTS}${basename(src).replace(/\.astro_astro_type_script_index_\d+_lang/, '')}`;
}

/** A file's entry in the zip: deflated by Node's zlib (several times faster than fflate's), unless compressed already. */
export function packed(file: string, bytes: Uint8Array): Omit<EditionEntry, 'folders' | 'scripts'> {
	const stored = isCompressed(file) ? bytes : deflateRawSync(bytes, { level: 6 });
	return { crc: crc32(bytes), size: bytes.length, stored };
}

export interface EntrySetup {
	/** The built site, whose files the entries are made from. */
	dist: string;
	base: string;
	site?: string | undefined;
	/** Every folder of the site, so that links to one name its index.html. */
	folders: readonly string[];
}

/**
 * Makes entries one after another in this thread: pages rewritten for reading from disk, then packed. Each file is
 * read here rather than sent, so that no thread holds the whole site.
 */
export function makeEntriesHere(files: readonly string[], setup: EntrySetup): EditionEntry[] {
	const folders = new Set(setup.folders);
	const utf8 = new TextEncoder();
	return files.map((file) => {
		const bytes = readFileSync(join(setup.dist, file));
		if (!file.endsWith('.html')) return { ...packed(file, bytes), folders: [], scripts: [] };
		const asked = new Map<string, boolean>();
		const named: string[] = [];
		const html = offlineHtml(bytes.toString('utf8'), {
			file,
			base: setup.base,
			site: setup.site,
			isFolder: (folder) => {
				asked.set(folder, folders.has(folder));
				return asked.get(folder)!;
			},
			classicScript: (src) => (named.push(src), classicScriptPath(src)),
		});
		return { ...packed(file, utf8.encode(html)), folders: [...asked], scripts: named };
	});
}

function inWorker(jobs: readonly string[], setup: EntrySetup): Promise<EditionEntry[]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./entry-worker.ts', import.meta.url), { workerData: { jobs, setup } });
		worker.once('message', (entries: EditionEntry[]) => {
			resolve(entries);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`the offline edition stopped with exit code ${code}`)));
	});
}

/**
 * Makes many entries on every core: rewriting 10,000 pages on a parsed tree is most of the edition's time. This
 * thread takes its share while workers take theirs; entries come back in the order of the jobs.
 */
export async function makeEntries(jobs: readonly string[], setup: EntrySetup): Promise<EditionEntry[]> {
	const cores = Math.min(availableParallelism(), 8);
	if (jobs.length < PARALLEL_FROM || cores < 2) return makeEntriesHere(jobs, setup);
	const size = Math.ceil(jobs.length / cores);
	const shares = Array.from({ length: cores }, (_, index) => jobs.slice(index * size, (index + 1) * size));
	const others = shares.slice(1).map((share) => inWorker(share, setup));
	const mine = makeEntriesHere(shares[0]!, setup);
	return [mine, ...(await Promise.all(others))].flat();
}
