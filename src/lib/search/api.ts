/**
 * The part of Pagefind's JavaScript API that the search page uses. Pagefind answers it on the hosted site;
 * the offline edition's engine (engine.ts) answers it from disk, so the page has one code path.
 */
/**
 * The folder, from the offline edition's root, of its search index: classic scripts, `index.js` first, then the
 * parts a search reads (offline-index.ts).
 */
export const OFFLINE_INDEX = '_offline/search/';

export type FilterCounts = Record<string, Record<string, number>>;

export interface ResultData {
	url: string;
	/** Escaped text with the words found inside <mark>. */
	excerpt: string;
	meta: Record<string, string>;
}

export interface SearchResults {
	results: { id: string; data(): Promise<ResultData> }[];
	/** For each filter, how many results have each value. */
	filters: FilterCounts;
}

export interface SearchOptions {
	filters?: Record<string, { any: string[] }>;
	sort?: Record<string, 'asc' | 'desc'>;
}

export interface SearchBackend {
	options(options: { baseUrl: string }): Promise<void>;
	/** Counts of every filter value across everything indexed. */
	filters(): Promise<FilterCounts>;
	/** A null term lists what the filters select. */
	search(term: string | null, options: SearchOptions): Promise<SearchResults | null>;
	/** Reads ahead what a search for these words will need, while the reader pauses in typing them. */
	preload(term: string, options?: SearchOptions): Promise<void>;
}
