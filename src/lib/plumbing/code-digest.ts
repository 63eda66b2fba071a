import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PROJECT = fileURLToPath(new URL('../../..', import.meta.url));

/** What a build's output depends on besides the report: the project's code, its assets and installed packages. */
const SITE_SOURCES = ['src', 'public', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

const known = new Map<string, string>();

/**
 * A digest of the code that makes some output (by default the whole site: rendered Markdown names its own, fewer
 * sources), of the installed packages and of the Node.js that runs it, so that output kept from an earlier run is
 * never mixed with output of other code, and nobody has to remember to bump a number. Worked out once per thread
 * for each set of sources.
 */
export function codeDigest(sources: readonly string[] = SITE_SOURCES): string {
	const id = sources.join('\u0000');
	let digest = known.get(id);
	if (digest === undefined) known.set(id, (digest = digestOf(sources)));
	return digest;
}

function digestOf(sources: readonly string[]): string {
	const hash = createHash('sha256').update(process.version);
	for (const source of sources) {
		const path = join(PROJECT, source);
		if (!existsSync(path)) continue;
		const files = statSync(path).isDirectory()
			? readdirSync(path, { recursive: true, withFileTypes: true })
					.filter((entry) => entry.isFile())
					.map((entry) => join(entry.parentPath, entry.name))
					.sort()
			: [path];
		for (const file of files) hash.update(file.slice(PROJECT.length)).update('\u0000').update(readFileSync(file));
	}
	return hash.digest('base64url');
}
