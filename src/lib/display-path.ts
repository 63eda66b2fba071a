import { isAbsolute, relative, sep } from 'node:path';

/**
 * Paths as printed to the author: relative to where they typed the command (npm keeps that place in INIT_CWD),
 * absolute when that is shorter to read.
 */
export function displayPath(path: string, from = process.env.INIT_CWD ?? process.cwd()): string {
	const rel = relative(from, path);
	if (!rel) return '.';
	if (rel.startsWith('..') || isAbsolute(rel)) return path;
	return rel.split(sep).join('/');
}
