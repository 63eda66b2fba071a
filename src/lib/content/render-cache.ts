import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Rendered } from '../markdown/render.ts';
import type { ImageFile } from './images.ts';

/**
 * The version of the code that renders: a digest of src/lib and of the installed packages, so that no build
 * serves HTML that older code made, and nobody has to remember to bump a number.
 */
const VERSION = (() => {
	const lib = fileURLToPath(new URL('..', import.meta.url));
	const hash = createHash('sha256');
	for (const file of readdirSync(lib, { recursive: true })
		.map(String)
		.filter((name) => name.endsWith('.ts'))
		.sort())
		hash.update(file).update(readFileSync(join(lib, file)));
	try {
		hash.update(readFileSync(new URL('../../../package-lock.json', import.meta.url)));
	} catch {
		// Installed without a lockfile: src/lib alone decides.
	}
	return hash.digest('base64url');
})();

export interface CachedRender extends Rendered {
	images: ImageFile[];
}

/**
 * Rendered Markdown kept between builds and checks of one report folder, in the install's cache. The key holds
 * everything the HTML depends on: the body, where its file is (images resolve from there), the site's base path,
 * and, for a body with a colon in it (a directive may count or name anything), what directives can see.
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
		let real = reportDir;
		try {
			real = realpathSync(reportDir);
		} catch {
			// No such folder: the load reports it, and there is nothing to cache.
		}
		const name = createHash('sha256').update(real).digest('hex').slice(0, 16);
		return new RenderCache(join(cacheRoot, 'render', `${name}.json`));
	}

	static key(parts: { file: string; body: string; base: string; directives: string | undefined }): string {
		const hash = createHash('sha256').update(`${VERSION}\u0000${parts.file}\u0000${parts.base}\u0000`);
		if (parts.directives !== undefined && parts.body.includes(':')) hash.update(parts.directives);
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
		mkdirSync(dirname(this.#path), { recursive: true });
		const partial = `${this.#path}.${process.pid}.partial`;
		writeFileSync(partial, JSON.stringify([...this.#kept]));
		renameSync(partial, this.#path);
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
