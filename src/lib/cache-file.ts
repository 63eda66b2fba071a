import { createHash } from 'node:crypto';
import { mkdirSync, realpathSync, renameSync, writeFileSync } from 'node:fs';
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
