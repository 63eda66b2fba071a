import { createHash } from 'node:crypto';
import { cacheFileFor, KeptEntries } from '../plumbing/cache-file.ts';
import { codeDigest } from '../plumbing/code-digest.ts';
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
	readonly #entries: KeptEntries<CachedRender>;

	constructor(path: string | undefined) {
		this.#entries = new KeptEntries(path, JSON_ENTRIES);
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

	/** How many bodies this cache did not have, and so were rendered: a measure for tests and benchmarks. */
	get misses(): number {
		return this.#entries.misses;
	}

	get(key: string): CachedRender | undefined {
		return this.#entries.get(key);
	}

	/** Keeps a render; one with problems is not kept, since fixing them may not touch its file (a missing image). */
	set(key: string, value: CachedRender): void {
		if (!value.problems.length) this.#entries.set(key, value);
	}

	/** Writes what this load used, and only that, so the cache never outgrows the report. */
	save(): void {
		this.#entries.save();
	}
}

const JSON_ENTRIES = {
	encode: (entries: [string, CachedRender][]) => JSON.stringify(entries),
	decode: (bytes: Buffer): unknown => JSON.parse(bytes.toString('utf8')),
};
