import { engineFor, remembering, type Stemmer } from '../lib/search/engine.ts';
import { OFFLINE_INDEX, type SearchBackend } from '../lib/search/api.ts';
import { openOfflineIndex, type SearchParts } from '../lib/search/offline-index.ts';
import { loadClassicScript } from './classic-script.ts';

declare global {
	interface Window {
		/** The parts of the offline edition's search index, each filed under its name by its script. */
		searchParts?: SearchParts;
		/** The report's language's stemmer, set by the index's first part when the language has one. */
		searchStemmer?: Stemmer;
	}
}

/**
 * The offline edition's search: an index of the records the hosted site's Pagefind index was built from, made at
 * build time and read in parts as searches need them, each part a script beside the page's.
 */
export async function offlineSearch(base: string): Promise<SearchBackend> {
	const index = await openOfflineIndex((name) =>
		loadClassicScript(`${base}${OFFLINE_INDEX}${name}.js`, () => window.searchParts?.[name]),
	);
	// From disk a folder's address lists the folder: results must name the page file.
	return engineFor(index, { pageFile: 'index.html', stem: remembering(window.searchStemmer ?? ((word) => word)) });
}
