import { closeSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, posix } from 'node:path';
import { buildSync } from 'esbuild';
import { Zip, type ZipInputFile } from 'fflate';
import type { Translate } from '../i18n/messages.ts';
import { EntryCache } from './entry-cache.ts';
import { makeEntriesAhead } from './entries-ahead.ts';
import {
	classicScriptPath,
	editionListing,
	isCompressed,
	makeEntries,
	packed,
	type PackedEntry,
} from './edition-entries.ts';
import { OFFLINE_INDEX } from '../search/api.ts';
import { offlineIndexParts } from '../search/offline-index.ts';
import type { Stemmer } from '../search/engine.ts';
import { stemmerModule } from '../search/stemmers.ts';
import type { SearchRecord } from '../search/records.ts';

/** What an edition is made of besides the built site. */
export interface EditionSettings {
	base: string;
	/** What every page of the edition says it is, in the report's language (see editionNote). */
	note: string;
	/** The folder the zip unzips to, e.g. `police-cse-complaints-2017-offline`. */
	name: string;
	/**
	 * Each language's search: the records its hosted index was built from, its language (its stemmer goes with
	 * them), and its folder in the site (`` for the report's own, `en/` for a translation).
	 */
	searches: readonly { records: readonly SearchRecord[]; language: string; prefix: string }[];
	/** A few lines for the reader who opens the folder before the pages. */
	readme: string;
	/** Given to every file in the zip, so that the same report always zips to the same bytes. */
	modified: Date;
	/** Where the last edition's entries are kept, and a digest of the code (see entry-cache.ts); none makes all anew. */
	cache?: { path: string; code: string } | undefined;
}

/** Where the edition is written, and the zip's path from there and its size. */
export type WriteEdition = (dist: string) => Promise<{ path: string; bytes: number }>;

/** esbuild's options for one classic script with all it imports, which a page opened from disk can run. */
const CLASSIC = {
	bundle: true,
	format: 'iife',
	minify: true,
	write: false,
	target: 'es2022',
	logLevel: 'silent',
} as const;

/**
 * The module scripts of the site, each bundled with what it imports into one classic script, which a page
 * opened from disk can run: the same code as on the hosted site, so charts and the table behave alike.
 */
function classicScripts(dist: string, base: string) {
	const made = new Map<string, { path: string; code: Uint8Array }>();
	return {
		made,
		get(src: string): string {
			const known = made.get(src);
			if (known) return known.path;
			const file = join(dist, ...src.slice(base.length).split('/'));
			const result = buildSync({ entryPoints: [file], ...CLASSIC });
			const path = classicScriptPath(src);
			made.set(src, { path, code: result.outputFiles[0]!.contents });
			return path;
		},
	};
}

/** A classic script setting `self.searchStemmer` to the language's stemmer, or nothing when it has none. */
function stemmerScript(language: string): string {
	const module = stemmerModule(language);
	if (!module) return '';
	const contents = `import { stemmer } from ${JSON.stringify(module)}; self.searchStemmer = stemmer;`;
	const result = buildSync({ stdin: { contents, resolveDir: import.meta.dirname }, ...CLASSIC });
	return result.outputFiles[0]!.text;
}

/**
 * The stemmer the page will run, taken from the very script it runs, so that the index built here stems every word
 * as the page stems the words typed.
 */
function scriptStemmer(script: string): Stemmer {
	const scope: { searchStemmer?: Stemmer } = {};
	new Function('self', script)(scope);
	return scope.searchStemmer ?? ((word) => word);
}

/** The entries of the search index's parts, then of the README: the last of the zip. */
function searchEntries(input: EditionSettings): [string, PackedEntry][] {
	const utf8 = new TextEncoder();
	const entries: [string, PackedEntry][] = [];
	const add = (file: string, text: string) => entries.push([file, packed(file, utf8.encode(text))]);
	// The stemmer goes with the first part, which the search page reads when it opens. Each language's index sits
	// under its own root, where its search page looks.
	for (const { records, language, prefix } of input.searches) {
		const stemmer = stemmerScript(language);
		for (const [part, script] of offlineIndexParts(records, scriptStemmer(stemmer)))
			add(`${prefix}${OFFLINE_INDEX}${part}.js`, part === 'index' ? `${stemmer}${script}` : script);
	}
	add('README.txt', input.readme);
	return entries;
}

/** An edition under way: the entries of pages already written can be made while Astro writes the others. */
export interface PreparedEdition {
	/** Makes the entries of the pages in `dir`, Astro's output folder, as they are written, until `write`. */
	ahead(dir: string): void;
	write: WriteEdition;
}

/**
 * Starts an edition before the site is built: the entries that need none of its pages, the search index's parts
 * and the README, are made now, which a build does while Astro renders the pages. Gives what writes the edition.
 */
export function prepareOfflineEdition(settings: EditionSettings): PreparedEdition {
	const last = searchEntries(settings);
	const cache = new EntryCache(settings.cache?.path, {
		base: settings.base,
		note: settings.note,
		code: settings.cache?.code,
	});
	let ahead: ReturnType<typeof makeEntriesAhead> | undefined;
	return {
		ahead(dir) {
			ahead ??= makeEntriesAhead(dir, cache, { base: settings.base, note: settings.note, settings: cache.settings });
		},
		write(dist) {
			ahead?.stop();
			return writeOfflineEdition({ ...settings, dist }, cache, last);
		},
	};
}

/**
 * Writes `<dist>/data/<name>.zip`: the built site rewritten to be opened from disk, with a search index of its
 * search records in parts, classic scripts that the search page reads as a search needs them. Written beside its
 * final name and then renamed, so a failure never leaves half a zip.
 */
async function writeOfflineEdition(
	input: EditionSettings & { dist: string },
	cache: EntryCache,
	last: [string, PackedEntry][],
): Promise<{ path: string; bytes: number }> {
	const kinds = editionListing(input.dist);
	const files = [...kinds.keys()].filter((file) => !kinds.get(file));
	const folders = [...kinds.keys()].filter((file) => kinds.get(file));
	const scripts = classicScripts(input.dist, input.base);
	const path = join(input.dist, 'data', `${input.name}.zip`);
	const partial = `${path}.partial`;
	const { name, modified } = input;
	const isFolder = (folder: string) => kinds.get(folder) === true;
	const fd = openSync(partial, 'w');
	try {
		const zip = new Zip((error, chunk) => {
			if (error) throw error;
			writeSync(fd, chunk);
		});
		const put = (file: string, entry: PackedEntry) => {
			const input: ZipInputFile = {
				filename: `${name}/${file}`,
				size: entry.size,
				crc: entry.crc,
				compression: isCompressed(file) ? 0 : 8,
				mtime: modified,
			};
			zip.add(input);
			input.ondata!(null, entry.stored as Uint8Array<ArrayBuffer>, true);
		};
		// A first build's cache holds nothing to look up: the workers read each file once, keying it as they make it.
		const entries = files.map((file) =>
			cache.empty ? undefined : cache.get(cache.key(file, readFileSync(join(input.dist, file))), isFolder),
		);
		const missing = entries.flatMap((entry, index) => (entry ? [] : [index]));
		const jobs = missing.map((index) => files[index]!);
		const setup = { dist: input.dist, base: input.base, note: input.note, folders, settings: cache.settings };
		const made = await makeEntries(jobs, setup);
		missing.forEach((index, position) => {
			const [key, entry] = made[position]!;
			cache.set(key, (entries[index] = entry));
		});
		entries.forEach((entry, index) => {
			// Scripts are bundled in the order the pages name them, whether a page was made now or kept.
			for (const src of entry!.scripts) scripts.get(src);
			put(files[index]!, entry!);
		});
		for (const { path: script, code } of scripts.made.values()) put(script, packed(script, code));
		for (const [file, entry] of last) put(file, entry);
		zip.end();
		cache.save();
	} catch (error) {
		closeSync(fd);
		rmSync(partial, { force: true });
		throw error;
	}
	closeSync(fd);
	renameSync(partial, path);
	return { path: posix.join('data', `${input.name}.zip`), bytes: statSync(path).size };
}

/** The README.txt at the top of the edition's folder. */
export function editionReadme(
	report: { title: string; edition?: string | undefined; publisher: string },
	t: Translate,
): string {
	return [
		report.title,
		[report.publisher, report.edition].filter(Boolean).join('. '),
		'',
		t('offline.readme'),
		'',
	].join('\n');
}
