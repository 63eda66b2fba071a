import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import type { SearchRecord } from './records.ts';

/** Pagefind knows languages by their primary subtag: en-GB → en. */
export function pagefindLanguage(language: string): string {
	return language.split('-')[0]!.toLowerCase();
}

function fail(step: string, errors: string[]): never {
	throw new Error(`search index: ${step} failed: ${errors.join('; ')}`);
}

export type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** A new Pagefind index, for records in one language. */
export async function createPagefindIndex(language: string): Promise<PagefindIndex> {
	const created = await pagefind.createIndex({ forceLanguage: pagefindLanguage(language) });
	if (!created.index) fail('creating the index', created.errors);
	return created.index;
}

/** Adds records to an index, checking every response; an index that fails is deleted. */
export async function addRecords(
	index: PagefindIndex,
	records: readonly SearchRecord[],
	language: string,
): Promise<PagefindIndex> {
	try {
		// All sent at once: Pagefind's process takes them in order, and waiting for each answer in turn spent most
		// of the time on the round trips.
		const added = await Promise.all(
			records.map((record) =>
				index.addCustomRecord({
					url: `/${record.url}`,
					content: record.content,
					language: pagefindLanguage(language),
					meta: record.meta,
					filters: record.filters,
					sort: record.sort,
				}),
			),
		);
		added.forEach((response, position) => {
			if (response.errors.length) fail(`adding ${records[position]!.url}`, response.errors);
		});
		return index;
	} catch (error) {
		await index.deleteIndex();
		throw error;
	}
}

/**
 * A Pagefind index of the records. Indexing runs in Pagefind's own process, so a build starts it before Astro
 * renders the pages and writes it afterwards.
 */
export async function indexRecords(records: readonly SearchRecord[], language: string): Promise<PagefindIndex> {
	return addRecords(await createPagefindIndex(language), records, language);
}

/** The index's files (path → bytes), for the dev server to serve from memory. */
export async function pagefindFiles(
	records: readonly SearchRecord[],
	language: string,
): Promise<Map<string, Uint8Array>> {
	const index = await indexRecords(records, language);
	try {
		const written = await index.getFiles();
		if (written.errors.length) fail('writing the index', written.errors);
		return new Map(written.files.map((file) => [file.path, file.content]));
	} finally {
		await index.deleteIndex();
	}
}

/**
 * Writes an index into a folder: Pagefind writes its thousands of files faster than we could. Resolves once the
 * files have landed, so that Pagefind's process can then be ended.
 */
export async function writePagefindIndex(index: PagefindIndex, outputPath: string): Promise<void> {
	try {
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length) fail('writing the index', written.errors);
		await filesLanded(outputPath);
	} finally {
		await index.deleteIndex();
	}
}

/**
 * The size of each file under `folder`, by path. Looked at one by one, in the index's own thread: in parallel the
 * thousands of looks would queue in the thread pool that Astro, writing its pages meanwhile, waits on.
 */
function fileSizes(folder: string): Map<string, number> {
	const sizes = new Map<string, number>();
	for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = join(entry.parentPath, entry.name);
		sizes.set(path, statSync(path).size);
	}
	return sizes;
}

/** Pagefind's runtime writes a file of up to 2 MiB in one piece: until that has landed, the file is empty. */
const ONE_PIECE = 2 * 1024 * 1024;

/**
 * Waits until the files Pagefind wrote have landed: it answers once it has handed each file's bytes to its
 * runtime's background writers (tokio, with no flush), and ending its process at once, as a build does to free
 * its memory, can leave files empty: a site whose search fails in the browser ("Failed to load Pagefind
 * metadata"). Landed when no file is empty and, should one be larger than a piece, no size changed since the look
 * before.
 */
export async function filesLanded(folder: string, timeoutMs = 30_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last: Map<string, number> | undefined;
	for (;;) {
		const sizes = fileSizes(folder);
		const values = [...sizes.values()];
		if (!values.includes(0)) {
			if (values.every((size) => size <= ONE_PIECE)) return;
			if (last && [...sizes].every(([path, size]) => last!.get(path) === size)) return;
		}
		if (Date.now() > deadline) fail('writing the index', [`its files in ${folder} did not finish being written`]);
		last = sizes;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
}

/** What a page's search reads first: the index's entry file, which names each language's metadata and wasm. */
interface PagefindEntry {
	languages?: Record<string, { hash?: string; wasm?: string }>;
}

/**
 * Makes sure an index written into `folder` is whole before the site goes in place: its entry file, the scripts
 * pages load, and each language's metadata and wasm. A site with a broken index would only fail in the reader's
 * browser ("Failed to load Pagefind metadata"); the build fails instead, and the site in place stays as it was.
 */
export function checkPagefindIndex(folder: string): void {
	const broken = (what: string): never => {
		throw new Error(`search index: ${what} in the index Pagefind wrote; build again`);
	};
	let entry: PagefindEntry;
	try {
		entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as PagefindEntry;
	} catch {
		return broken('pagefind-entry.json is missing or damaged');
	}
	for (const file of ['pagefind.js', 'pagefind-worker.js'])
		if (!existsSync(join(folder, file))) broken(`${file} is missing`);
	for (const { hash, wasm } of Object.values(entry.languages ?? {})) {
		if (!hash || !existsSync(join(folder, `pagefind.${hash}.pf_meta`))) broken(`pagefind.${hash}.pf_meta is missing`);
		if (wasm && !existsSync(join(folder, `wasm.${wasm}.pagefind`))) broken(`wasm.${wasm}.pagefind is missing`);
	}
}

/** Ends Pagefind's indexing process, so that a command can exit. */
export function closePagefind(): Promise<unknown> {
	return pagefind.close();
}
