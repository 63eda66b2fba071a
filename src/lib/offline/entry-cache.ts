import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { writeCacheFile } from '../plumbing/cache-file.ts';

/** One file of the edition as the zip holds it, and what its making asked of the rest of the site. */
export interface EditionEntry {
	crc: number;
	/** The bytes before compression. */
	size: number;
	/** The bytes as stored in the zip, deflated or not. */
	stored: Uint8Array;
	/** The folders its links asked about, and whether each was one: a page's links change when they change. */
	folders: [string, boolean][];
	/** The module scripts it named, which the edition must bundle whether or not the page is made again. */
	scripts: string[];
}

type Header = Omit<EditionEntry, 'stored'> & { key: string; length: number };

/** What an entry is found by: a digest of the edition's settings (as JSON), its file's name and its file's bytes. */
export function entryKey(settings: string, file: string, bytes: Uint8Array): string {
	return createHash('sha256').update(settings).update('\0').update(file).update('\0').update(bytes).digest('base64url');
}

/**
 * The edition's entries kept from the last build at one output folder: a rebuild that kept 9,999 of 10,000 finding
 * pages need not rewrite and deflate them again. An entry is found by a digest of its file's name and bytes and of
 * the edition's settings, and used only while the folders its links asked about are as they were. Kept in one
 * file (an index, then the bytes), holding just the entries of the latest edition.
 */
export class EntryCache {
	readonly #path: string | undefined;
	/** The edition's settings as JSON, which every key includes. */
	readonly settings: string;
	readonly #old = new Map<string, EditionEntry>();
	readonly #new = new Map<string, EditionEntry>();

	constructor(path: string | undefined, settings: unknown) {
		this.#path = path;
		this.settings = JSON.stringify(settings);
		if (path) this.#read(path);
	}

	/** Whether the last build left no entries, as before a first build: then none is worth looking up. */
	get empty(): boolean {
		return this.#old.size === 0;
	}

	key(file: string, bytes: Uint8Array): string {
		return entryKey(this.settings, file, bytes);
	}

	/** The entry made from these bytes before, if what it asked about is unchanged. */
	get(key: string, isFolder: (folder: string) => boolean): EditionEntry | undefined {
		const entry = this.#old.get(key);
		if (!entry || !entry.folders.every(([folder, was]) => isFolder(folder) === was)) return undefined;
		this.#new.set(key, entry);
		return entry;
	}

	/** Whether an entry of these bytes is at hand, from the last build or made ahead: none need be made again. */
	has(key: string): boolean {
		return this.#old.has(key);
	}

	/** An entry made ahead of the edition (see entries-ahead.ts): found, and checked, as one of the last build's. */
	ahead(key: string, entry: EditionEntry): void {
		this.#old.set(key, entry);
	}

	set(key: string, entry: EditionEntry): void {
		this.#new.set(key, entry);
	}

	/** Writes this edition's entries, replacing the last: beside, then renamed, so a reader never sees half. */
	save(): void {
		if (!this.#path) return;
		const headers: Header[] = [];
		const parts: Uint8Array[] = [];
		for (const [key, { stored, ...rest }] of this.#new) {
			headers.push({ key, ...rest, length: stored.length });
			parts.push(stored);
		}
		const index = Buffer.from(JSON.stringify(headers));
		const length = Buffer.alloc(4);
		length.writeUInt32LE(index.length);
		writeCacheFile(this.#path, Buffer.concat([length, index, ...parts]));
	}

	#read(path: string): void {
		let bytes: Buffer;
		try {
			bytes = readFileSync(path);
		} catch {
			return;
		}
		try {
			const length = bytes.readUInt32LE(0);
			const headers = JSON.parse(bytes.subarray(4, 4 + length).toString('utf8')) as Header[];
			let at = 4 + length;
			for (const { key, length: storedLength, ...rest } of headers) {
				this.#old.set(key, { ...rest, stored: bytes.subarray(at, at + storedLength) });
				at += storedLength;
			}
		} catch {
			// A damaged cache is no cache: every entry is made again.
			this.#old.clear();
		}
	}
}
