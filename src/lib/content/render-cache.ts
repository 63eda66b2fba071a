import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cacheFileFor, writeCacheFile } from '../cache-file.ts';
import { codeDigest } from '../code-digest.ts';
import { mayHaveDirectives } from '../markdown/directive-syntax.ts';
import type { Rendered } from '../markdown/render.ts';
import type { ImageFile } from './images.ts';

/** The version of the code that renders: src/lib and the installed packages (see code-digest.ts). */
const VERSION = codeDigest(['src/lib', 'package-lock.json']);

export interface CachedRender extends Rendered {
	images: ImageFile[];
}

/**
 * Rendered Markdown kept between builds and checks of one report folder, in the install's cache. The key holds
 * everything the HTML depends on: the body, where its file is (images resolve from there), the site's base path,
 * and, for a body that may hold a directive (one may count or name anything), what directives can see.
 */
export class RenderCache {
	readonly #path: string | undefined;
	readonly #entries: Map<string, CachedRender>;
	readonly #kept = new Map<string, CachedRender>();
	#changed = false;
	/** How many bodies this cache did not have, and so were rendered: a measure for tests and benchmarks. */
	misses = 0;

	constructor(path: string | undefined) {
		this.#path = path;
		this.#entries = new Map(path ? readEntries(path) : []);
	}

	/** The cache of a report folder inside the install's cache folder. */
	static forReport(cacheRoot: string, reportDir: string): RenderCache {
		return new RenderCache(cacheFileFor(cacheRoot, 'render', reportDir, 'json'));
	}

	static key(parts: { file: string; body: string; base: string; directives: string | undefined }): string {
		const hash = createHash('sha256').update(`${VERSION}\u0000${parts.file}\u0000${parts.base}\u0000`);
		if (parts.directives !== undefined && mayHaveDirectives(parts.body)) hash.update(parts.directives);
		return hash.update('\u0000').update(parts.body).digest('base64url');
	}

	get(key: string): CachedRender | undefined {
		const entry = this.#entries.get(key);
		if (entry) this.#kept.set(key, entry);
		else this.misses++;
		return entry;
	}

	/** Keeps a render; one with problems is not kept, since fixing them may not touch its file (a missing image). */
	set(key: string, value: CachedRender): void {
		if (value.problems.length) return;
		this.#entries.set(key, value);
		this.#kept.set(key, value);
		this.#changed = true;
	}

	/** Writes what this load used, and only that, so the cache never outgrows the report. */
	save(): void {
		if (!this.#path || (!this.#changed && this.#kept.size === this.#entries.size)) return;
		writeCacheFile(this.#path, JSON.stringify([...this.#kept]));
	}
}

function readEntries(path: string): [string, CachedRender][] {
	try {
		const entries: unknown = JSON.parse(readFileSync(path, 'utf8'));
		return Array.isArray(entries) ? (entries as [string, CachedRender][]) : [];
	} catch {
		// No cache yet, or one a crash left half-written: render afresh.
		return [];
	}
}
