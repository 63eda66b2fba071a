import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { cacheFileFor, KeptEntries } from '../plumbing/cache-file.ts';
import { codeDigest } from '../plumbing/code-digest.ts';
import { parseYaml, type YamlSource } from './yaml.ts';

/** The version of the code that parses: src/lib and the installed packages, `yaml` among them. */
const VERSION = codeDigest(['src/lib', 'package-lock.json']);

/**
 * Parsed frontmatter kept between builds and checks of one report folder, in the install's cache: parsing the YAML
 * of 10,000 findings takes 2 s, reading it back 60 ms. Only frontmatter without errors is kept, so its lines are
 * needed only for what a later check finds wrong with its values; they are worked out then, by parsing it again.
 * Kept with V8's serialiser, which keeps what JSON would not (`.nan`, `.inf`, `-0`). The parsed data is the
 * object the check goes on to use, written out when the check is done: nothing may change it (Zod and the checks
 * make new objects).
 */
export class FrontmatterCache {
	readonly #entries: KeptEntries<unknown>;

	constructor(path: string | undefined) {
		this.#entries = new KeptEntries(path, { encode: serialize, decode: deserialize });
	}

	/** The cache of a report folder inside the install's cache folder. */
	static forReport(cacheRoot: string, reportDir: string): FrontmatterCache {
		return new FrontmatterCache(cacheFileFor(cacheRoot, 'frontmatter', reportDir, 'v8'));
	}

	/** How many files' frontmatter was parsed, not kept: a measure for tests. */
	get misses(): number {
		return this.#entries.misses;
	}

	/**
	 * Parses a file's frontmatter as `parseYaml` does. Keyed by the file too, so that two files with the same
	 * frontmatter never share one object.
	 */
	parse(file: string, yaml: string): YamlSource {
		const key = createHash('sha256').update(`${VERSION}\u0000${file}\u0000`).update(yaml).digest('base64url');
		const data = this.#entries.get(key);
		if (data !== undefined) {
			let parsed: YamlSource | undefined;
			return { data, errors: [], lineOf: (path) => (parsed ??= parseYaml(yaml)).lineOf(path) };
		}
		const source = parseYaml(yaml);
		if (!source.errors.length && source.data !== undefined) this.#entries.set(key, source.data);
		return source;
	}

	save(): void {
		this.#entries.save();
	}
}
