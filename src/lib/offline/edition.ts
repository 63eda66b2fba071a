import { closeSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { buildSync } from 'esbuild';
import { Zip, type ZipInputFile } from 'fflate';
import { EntryCache, type EditionEntry } from './entry-cache.ts';
import { classicScriptPath, isCompressed, makeEntries, packed } from './edition-entries.ts';
import { OFFLINE_INDEX } from '../search/api.ts';
import { offlineIndexParts } from '../search/offline-index.ts';
import type { Stemmer } from '../search/engine.ts';
import { stemmerModule } from '../search/stemmers.ts';
import type { SearchRecord } from '../search/records.ts';

export interface EditionInput {
	/** The built site. */
	dist: string;
	base: string;
	/** Where the report is published, if it is: the edition names it. */
	site?: string | undefined;
	/** The folder the zip unzips to, e.g. `police-cse-complaints-2017-offline`. */
	name: string;
	/** The same records the hosted site's search index was built from. */
	records: readonly SearchRecord[];
	/** The report's language: its stemmer goes with the records. */
	language: string;
	/** A few lines for the reader who opens the folder before the pages. */
	readme: string;
	/** Given to every file in the zip, so that the same report always zips to the same bytes. */
	modified: Date;
	/** Where the last edition's entries are kept, and a digest of the code (see entry-cache.ts); none makes all anew. */
	cache?: { path: string; code: string } | undefined;
}

/** Files of the hosted site that the edition leaves out: its search and service worker cannot run from disk. */
const HOSTED_ONLY = /^(pagefind\/|sw\.js$|data\/[^/]+\.zip$|_astro\/.+\.js$)/;

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

/**
 * Writes `<dist>/data/<name>.zip`: the built site rewritten to be opened from disk, with a search index of its
 * search records in parts, classic scripts that the search page reads as a search needs them. Written beside its
 * final name and then renamed, so a failure never leaves half a zip.
 */
export async function writeOfflineEdition(input: EditionInput): Promise<{ path: string; bytes: number }> {
	// Each entry once, with whether it is a folder: no second look at the disk for 10,000 pages.
	const kinds = new Map(
		readdirSync(input.dist, { recursive: true, withFileTypes: true })
			.map(
				(entry) =>
					[relative(input.dist, join(entry.parentPath, entry.name)).split(sep).join('/'), entry.isDirectory()] as const,
			)
			.filter(([file]) => !HOSTED_ONLY.test(file))
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
	);
	const files = [...kinds.keys()].filter((file) => !kinds.get(file));
	const folders = [...kinds.keys()].filter((file) => kinds.get(file));
	const scripts = classicScripts(input.dist, input.base);
	const path = join(input.dist, 'data', `${input.name}.zip`);
	const partial = `${path}.partial`;
	const { name, modified } = input;
	const isFolder = (folder: string) => kinds.get(folder) === true;
	const cache = new EntryCache(input.cache?.path, { base: input.base, site: input.site, code: input.cache?.code });
	const fd = openSync(partial, 'w');
	try {
		const zip = new Zip((error, chunk) => {
			if (error) throw error;
			writeSync(fd, chunk);
		});
		const put = (file: string, entry: Omit<EditionEntry, 'folders' | 'scripts'>) => {
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
		const add = (file: string, bytes: Uint8Array) => put(file, packed(file, bytes));
		const utf8 = (text: string) => new TextEncoder().encode(text);
		const entries: (EditionEntry | undefined)[] = [];
		const keys: string[] = [];
		const jobs: string[] = [];
		const missing: number[] = [];
		for (const file of files) {
			const key = cache.key(file, readFileSync(join(input.dist, file)));
			const kept = cache.get(key, isFolder);
			keys.push(key);
			entries.push(kept);
			if (!kept) {
				missing.push(entries.length - 1);
				jobs.push(file);
			}
		}
		const made = await makeEntries(jobs, { dist: input.dist, base: input.base, site: input.site, folders });
		missing.forEach((index, position) => cache.set(keys[index]!, (entries[index] = made[position]!)));
		entries.forEach((entry, index) => {
			// Scripts are bundled in the order the pages name them, whether a page was made now or kept.
			for (const src of entry!.scripts) scripts.get(src);
			put(files[index]!, entry!);
		});
		for (const { path: script, code } of scripts.made.values()) add(script, code);
		// The stemmer goes with the first part, which the search page reads when it opens.
		const stemmer = stemmerScript(input.language);
		for (const [part, script] of offlineIndexParts(input.records, scriptStemmer(stemmer)))
			add(`${OFFLINE_INDEX}${part}.js`, utf8(part === 'index' ? `${stemmer}${script}` : script));
		add('README.txt', utf8(input.readme));
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
export function editionReadme(report: { title: string; edition?: string | undefined; publisher: string }): string {
	return [
		report.title,
		[report.publisher, report.edition].filter(Boolean).join('. '),
		'',
		'This folder is the offline edition of the report. Open index.html in a web browser (double-click',
		'it): the pages, charts, findings table and search all work from this folder, with no connection',
		'and nothing to install. Keep the folder together, since its pages link to each other. The data',
		'folder holds the findings and recommendations as CSV and JSON.',
		'',
	].join('\n');
}
