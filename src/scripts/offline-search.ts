import { createSearchEngine, type Stemmer } from '../lib/search/engine.ts';
import { OFFLINE_INDEX, type SearchBackend } from '../lib/search/api.ts';
import type { SearchRecord } from '../lib/search/records.ts';
import { loadClassicScript } from './classic-script.ts';

declare global {
	interface Window {
		searchRecords?: SearchRecord[];
		/** The report's language's stemmer, set by the same script as the records when the language has one. */
		searchStemmer?: Stemmer;
	}
}

/** The offline edition's search: the records the hosted site's Pagefind index was built from, searched in the page. */
export async function offlineSearch(base: string): Promise<SearchBackend> {
	const records = await loadClassicScript(`${base}${OFFLINE_INDEX}`, () => window.searchRecords);
	// From disk a folder's address lists the folder: results must name the page file.
	return createSearchEngine(records, { pageFile: 'index.html', stem: window.searchStemmer });
}
