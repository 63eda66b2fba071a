import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CACHE_ROOT } from '../../src/lib/content/current.ts';
import { cacheFileFor } from '../../src/lib/plumbing/cache-file.ts';

/** Writes each file, by its path under `dir`, making the folders it needs; gives `dir`. */
export function writeTree(dir: string, files: Record<string, string>): string {
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}

/** Every file under `dir` with a digest of its bytes, by path: two trees compare equal when their files do. */
export function treeDigest(dir: string, skip: (path: string) => boolean = () => false): Record<string, string> {
	const files: Record<string, string> = {};
	for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
		if (!entry.isFile()) continue;
		const path = relative(dir, join(entry.parentPath, entry.name));
		if (!skip(path))
			files[path] = createHash('sha256')
				.update(readFileSync(join(dir, path)))
				.digest('hex');
	}
	return files;
}

/** Forgets everything the install's caches keep for one report folder, so that its next build is cold. */
export function forgetCaches(reportDir: string): void {
	if (!existsSync(CACHE_ROOT)) return;
	const prefix = cacheFileFor('', '', reportDir, '').replace(/^\/*/, '').replace(/\.$/, '');
	for (const kind of readdirSync(CACHE_ROOT, { withFileTypes: true }))
		if (kind.isDirectory())
			for (const name of readdirSync(join(CACHE_ROOT, kind.name)))
				if (name.startsWith(prefix)) rmSync(join(CACHE_ROOT, kind.name, name), { recursive: true, force: true });
}
