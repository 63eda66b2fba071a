import { existsSync, realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * A path with every symlink of its existing part resolved, so that two names of one folder compare equal; the
 * part that does not exist yet is kept as written. Takes an absolute, normalised path.
 */
export function realPath(path: string): string {
	let existing = path;
	const rest: string[] = [];
	while (!existsSync(existing)) {
		const parent = dirname(existing);
		if (parent === existing) break;
		rest.unshift(basename(existing));
		existing = parent;
	}
	return join(realpathSync.native(existing), ...rest);
}

/** True when `path` lies strictly inside `folder`; both absolute and real. */
export function isInside(path: string, folder: string): boolean {
	const rel = relative(folder, path);
	return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The first folder name of `path` below `folder`, when it lies inside. */
export function firstSegmentBelow(path: string, folder: string): string | undefined {
	return isInside(path, folder) ? relative(folder, path).split(sep)[0] : undefined;
}
