import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * A file in the install's cache kept for one folder (a report, or a site's output folder), named after the folder's
 * real path, so that two names of one folder share it and two reports built in turn never push each other out.
 */
export function cacheFileFor(cacheRoot: string, kind: string, folder: string, extension: string): string {
	let real = resolve(folder);
	try {
		real = realpathSync(folder);
	} catch {
		// Not there (yet): named after the path given.
	}
	return join(cacheRoot, kind, `${createHash('sha256').update(real).digest('hex').slice(0, 16)}.${extension}`);
}

/** Writes a cache file whole: beside its name first, so that a crash never leaves half of one to be read. */
export function writeCacheFile(path: string, data: string | Uint8Array): void {
	mkdirSync(dirname(path), { recursive: true });
	const partial = `${path}.${process.pid}.partial`;
	writeFileSync(partial, data);
	renameSync(partial, path);
}

/** How the entries of a cache file are written and read back. */
export interface CacheFormat<V> {
	encode(entries: [string, V][]): string | Uint8Array;
	/** The entries, or anything else when the file is not one of this format. */
	decode(bytes: Buffer): unknown;
}

/**
 * Entries kept between runs in one cache file. Only the entries a run used are written back, so the file never
 * outgrows what it is kept for; a file that cannot be read (none yet, or one of another format) holds none.
 */
export class KeptEntries<V> {
	readonly #path: string | undefined;
	readonly #format: CacheFormat<V>;
	readonly #entries: Map<string, V>;
	readonly #kept = new Map<string, V>();
	#changed = false;
	/** How many lookups found nothing: a measure for tests and benchmarks. */
	misses = 0;

	constructor(path: string | undefined, format: CacheFormat<V>) {
		this.#path = path;
		this.#format = format;
		this.#entries = new Map(path ? readEntries<V>(path, format) : []);
	}

	get(key: string): V | undefined {
		const entry = this.#entries.get(key);
		if (entry === undefined) this.misses++;
		else this.#kept.set(key, entry);
		return entry;
	}

	set(key: string, value: V): void {
		this.#entries.set(key, value);
		this.#kept.set(key, value);
		this.#changed = true;
	}

	/** Writes what this run used, and only that. */
	save(): void {
		if (!this.#path || (!this.#changed && this.#kept.size === this.#entries.size)) return;
		writeCacheFile(this.#path, this.#format.encode([...this.#kept]));
	}
}

function readEntries<V>(path: string, format: CacheFormat<V>): [string, V][] {
	try {
		const entries = format.decode(readFileSync(path));
		return Array.isArray(entries) ? (entries as [string, V][]) : [];
	} catch {
		// No cache yet, or one a crash left half-written: start afresh.
		return [];
	}
}
