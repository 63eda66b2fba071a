import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a build's output depends on besides the report: the project's code, its assets and installed packages. */
const SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

/**
 * A digest of the code that makes the site, and of the Node.js that runs it, so that output kept from an earlier
 * build is never mixed with output of other code, and nobody has to remember to bump a number.
 */
export function codeDigest(projectRoot: string): string {
	const hash = createHash('sha256').update(process.version);
	for (const source of SOURCES) {
		const path = join(projectRoot, source);
		if (!existsSync(path)) continue;
		const files = statSync(path).isDirectory()
			? readdirSync(path, { recursive: true, withFileTypes: true })
					.filter((entry) => entry.isFile())
					.map((entry) => join(entry.parentPath, entry.name))
					.sort()
			: [path];
		for (const file of files) hash.update(file.slice(projectRoot.length)).update('\u0000').update(readFileSync(file));
	}
	return hash.digest('base64url');
}
