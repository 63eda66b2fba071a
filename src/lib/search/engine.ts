import { dictionary, own } from '../own.ts';
import type { FilterCounts, ResultData, SearchBackend, SearchOptions, SearchResults } from './api.ts';
import type { SearchRecord } from './records.ts';
import { escapeHtml } from '../table/render.ts';

/**
 * A small full-text search over the same records as the Pagefind index, for the offline edition, where
 * Pagefind cannot run (it fetches its index and WebAssembly, which a page opened from disk may not do).
 * Like Pagefind it reduces words to their stem in the report's language (Snowball stemmers, as Pagefind
 * uses), finds pages holding every word typed, a word matching any word it begins, ranks by
 * BM25 with the title weighing more, filters with "any of" inside a filter and "all" across filters,
 * counts filter values within the results, sorts by a sort key, and writes excerpts with <mark>.
 */

// Marks belong to words: Tamil or Hindi vowel signs must not split them.
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const EXCERPT_WORDS = 30;
const TITLE_WEIGHT = 3;
/** How many results the search page shows at first (src/scripts/search.ts): a read-ahead reads their text. */
const FIRST_PAGE = 20;
// BM25's usual constants.
const K1 = 1.2;
const B = 0.75;

/** Lower case, accents dropped: "Ré-examined" is found by "re examined". */
function fold(word: string): string {
	return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export type Stemmer = (word: string) => string;

/** A stemmer that remembers: a report has tens of thousands of distinct words but millions of words. */
export function remembering(stem: Stemmer): Stemmer {
	const stems = new Map<string, string>();
	return (word) => {
		let known = stems.get(word);
		if (known === undefined) stems.set(word, (known = stem(word)));
		return known;
	};
}

export function words(text: string, stem: Stemmer = (word) => word): string[] {
	return [...text.matchAll(WORD)].map((match) => stem(fold(match[0])));
}

/** The words that a query word matches: itself, and words it begins, each weighed by how much of it was typed. */
export function expand(vocabulary: readonly string[], term: string): [string, number][] {
	let low = 0;
	let high = vocabulary.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (vocabulary[middle]! < term) low = middle + 1;
		else high = middle;
	}
	const matches: [string, number][] = [];
	for (let index = low; index < vocabulary.length && vocabulary[index]!.startsWith(term); index++) {
		matches.push([vocabulary[index]!, term.length / vocabulary[index]!.length]);
	}
	return matches;
}

/** The excerpt: about 30 words from the first word found, escaped, the words found marked. */
export function excerpt(content: string, terms: readonly string[], stem: Stemmer = (word) => word): string {
	const tokens = [...content.matchAll(WORD)];
	if (!tokens.length) return '';
	const hit = (token: string) => terms.some((term) => stem(fold(token)).startsWith(term));
	const first = terms.length
		? Math.max(
				0,
				tokens.findIndex((token) => hit(token[0])),
			)
		: 0;
	const start = Math.max(0, first - Math.floor(EXCERPT_WORDS / 4));
	const end = Math.min(tokens.length, start + EXCERPT_WORDS);
	let html = start > 0 ? '… ' : '';
	let at = tokens[start]!.index;
	for (const token of tokens.slice(start, end)) {
		html += escapeHtml(content.slice(at, token.index));
		html += hit(token[0]) ? `<mark>${escapeHtml(token[0])}</mark>` : escapeHtml(token[0]);
		at = token.index + token[0].length;
	}
	const tail = content.slice(at, end < tokens.length ? tokens[end]!.index : undefined);
	return html + escapeHtml(end < tokens.length ? tail.replace(/\s+$/, '') : tail) + (end < tokens.length ? ' …' : '');
}

/**
 * Every record's filter values, numbered once, so that counting them over 10,000 results is a pass over numbers.
 * Filter values are labels and titles an author wrote: counted into objects without a prototype, so that a status
 * labelled `toString` counts from 0 rather than from a function, and one labelled `__proto__` is counted at all.
 */
function filterCounter(records: readonly RecordFacts[]): (found: Iterable<number>) => FilterCounts {
	const numbers = new Map<string, Map<string, number>>();
	const named: [filter: string, value: string][] = [];
	const byRecord = records.map((record) =>
		Object.keys(record.filters).flatMap((filter) => {
			let values = numbers.get(filter);
			if (!values) numbers.set(filter, (values = new Map()));
			return record.filters[filter]!.map((value) => {
				let number = values.get(value);
				if (number === undefined) values.set(value, (number = named.push([filter, value]) - 1));
				return number;
			});
		}),
	);
	return (found) => {
		const tally = new Uint32Array(named.length);
		for (const record of found) for (const number of byRecord[record]!) tally[number]!++;
		const counts = dictionary<Record<string, number>>();
		named.forEach(([filter, value], number) => {
			if (tally[number]) (counts[filter] ??= dictionary())[value] = tally[number]!;
		});
		return counts;
	};
}

/** Filter names come from the page's URL: a `constructor` filter selects nothing rather than breaking the search. */
function passes(record: RecordFacts, filters: SearchOptions['filters'] = {}): boolean {
	return Object.entries(filters).every(
		([filter, { any }]) => !any.length || (own(record.filters, filter) ?? []).some((value) => any.includes(value)),
	);
}

/** What a result shows and what filters and sorts it: a record without its words, which only its excerpt needs. */
export type RecordFacts = Pick<SearchRecord, 'url' | 'meta' | 'filters' | 'sort'>;

/** The records holding a word, each with how often it holds it (title words count more), by record, in order. */
export type Posting = Map<number, number>;

/** A word a query word matches, weighed by how much of it was typed, with its posting. */
export type Match = [word: string, weight: number, posting: Posting];

/**
 * What the engine searches: every record's facts and length at hand, the words' postings and the records' text
 * asked for as a search needs them, from memory or, in the offline edition, read in parts from disk.
 */
export interface SearchIndex {
	records: readonly RecordFacts[];
	/** How many words each record's body has. */
	lengths: readonly number[];
	/** The words a query word matches, in the order of the sorted vocabulary. */
	matches(term: string): Promise<Match[]>;
	/** A record's text, for its excerpt. */
	content(index: number): Promise<string>;
}

/** The vocabulary, sorted, and each word's posting; the same whether built in the page or at build time. */
export interface IndexedWords {
	vocabulary: string[];
	postings: Map<string, Posting>;
	lengths: number[];
}

/** Tokenises, stems and indexes the records: what the offline edition writes at build time, and the page otherwise. */
export function indexWords(records: readonly Pick<SearchRecord, 'title' | 'content'>[], stem: Stemmer): IndexedWords {
	const postings = new Map<string, Posting>();
	const lengths: number[] = [];
	records.forEach((record, index) => {
		const body = words(record.content, stem);
		lengths.push(body.length);
		const add = (word: string, weight: number) => {
			let posting = postings.get(word);
			if (!posting) postings.set(word, (posting = new Map()));
			posting.set(index, (posting.get(index) ?? 0) + weight);
		};
		for (const word of body) add(word, 1);
		for (const word of words(record.title, stem)) add(word, TITLE_WEIGHT);
	});
	return { vocabulary: [...postings.keys()].sort(), postings, lengths };
}

/** An index of records held in memory, built in the page. */
function memoryIndex(records: readonly SearchRecord[], stem: Stemmer): SearchIndex {
	const { vocabulary, postings, lengths } = indexWords(records, stem);
	return {
		records,
		lengths,
		matches: async (term) => expand(vocabulary, term).map(([word, weight]) => [word, weight, postings.get(word)!]),
		content: async (index) => records[index]!.content,
	};
}

export interface EngineOptions {
	/** Appended to every result's URL: `index.html` from disk, where a folder's address does not open its index page. */
	pageFile?: string;
	/** The report's language's stemmer; without one, words are matched as written. */
	stem?: Stemmer;
}

/** Searches records in memory: the index is built when the engine is made. */
export function createSearchEngine(records: readonly SearchRecord[], options: EngineOptions = {}): SearchBackend {
	const stem = remembering(options.stem ?? ((word) => word));
	return engineFor(memoryIndex(records, stem), { ...options, stem });
}

/** Answers the search page's questions from an index, in memory or read in parts. */
export function engineFor(index: SearchIndex, options: EngineOptions = {}): SearchBackend {
	const pageFile = options.pageFile ?? '';
	const stem = options.stem ?? ((word) => word);
	const { records, lengths } = index;
	const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
	const countFilters = filterCounter(records);
	// As `localeCompare` with the same options, many times faster for sorting 10,000 results.
	const compare = new Intl.Collator(undefined, { numeric: true }).compare;
	let baseUrl = '/';
	// The last search, and how many read-aheads were asked for.
	let last: { key: string; found: Promise<SearchResults> } | undefined;
	let preloads = 0;

	/** Scores of the records holding every term, by record; a term matching nothing matches no record. */
	async function score(terms: readonly string[]): Promise<[record: number, score: number][]> {
		// Every term's postings asked for at once: from disk, their parts load side by side.
		const matches = await Promise.all(terms.map((term) => index.matches(term)));
		// A record's score for a term is its best among the words the term matches; every score found is above 0.
		let found: number[] | undefined;
		const total = new Float64Array(records.length);
		for (const termMatches of matches) {
			const termScores = new Float64Array(records.length);
			for (const [, weight, posting] of termMatches) {
				const idf = Math.log(1 + (records.length - posting.size + 0.5) / (posting.size + 0.5));
				for (const [record, frequency] of posting) {
					const norm = frequency + K1 * (1 - B + (B * lengths[record]!) / averageLength);
					const value = weight * idf * ((frequency * (K1 + 1)) / norm);
					if (value > termScores[record]!) termScores[record] = value;
				}
			}
			found = found
				? found.filter((record) => termScores[record]! > 0)
				: Array.from(termScores.keys()).filter((record) => termScores[record]! > 0);
			for (const record of found) total[record]! += termScores[record]!;
			if (!found.length) break;
		}
		return found!.map((record) => [record, total[record]!]);
	}

	async function find(term: string | null, options: SearchOptions): Promise<SearchResults> {
		const terms = [...new Set(words(term ?? '', stem))];
		if (term !== null && !terms.length) return { results: [], filters: {} };
		const scores = terms.length ? await score(terms) : records.map((_, record): [number, number] => [record, 0]);
		const filtered = Object.values(options.filters ?? {}).some(({ any }) => any.length);
		let found = (filtered ? scores.filter(([record]) => passes(records[record]!, options.filters)) : scores).sort(
			(a, b) => b[1] - a[1] || a[0] - b[0],
		);
		const [key, direction] = Object.entries(options.sort ?? {})[0] ?? [];
		if (key) {
			// Pages without the key, such as themes when sorting by date opened, are not listed, as in Pagefind.
			const sign = direction === 'desc' ? -1 : 1;
			const sortKey = (record: number) => own(records[record]!.sort, key);
			found = found
				.filter(([record]) => sortKey(record) !== undefined)
				.sort(([a], [b]) => sign * compare(sortKey(a)!, sortKey(b)!));
		}
		return {
			filters: countFilters(found.map(([record]) => record)),
			results: found.map(([at]) => {
				const record = records[at]!;
				return {
					id: String(at),
					data: async (): Promise<ResultData> => ({
						url: `${baseUrl}${record.url}${pageFile}`,
						excerpt: excerpt(await index.content(at), terms, stem),
						meta: record.meta,
					}),
				};
			}),
		};
	}

	const backend: SearchBackend = {
		async options(options) {
			baseUrl = options.baseUrl;
		},
		async filters() {
			return countFilters(records.keys());
		},
		search(term, options) {
			// The search the page asks for after the pause is often the one read ahead during it.
			const key = JSON.stringify([term, options.filters ?? {}, options.sort ?? {}]);
			if (last?.key !== key) last = { key, found: find(term, options) };
			return last.found;
		},
		async preload(term, options = {}) {
			const ticket = ++preloads;
			const terms = [...new Set(words(term, stem))];
			await Promise.all(terms.map((word) => index.matches(word)));
			// Only the latest words typed go on to be searched, and the text of their first results read for excerpts.
			if (ticket !== preloads || !terms.length) return;
			const found = await backend.search(term, options);
			await Promise.all(found!.results.slice(0, FIRST_PAGE).map((result) => index.content(Number(result.id))));
		},
	};
	return backend;
}
