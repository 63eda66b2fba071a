import { dictionary, own } from '../own.ts';
import type { FilterCounts, ResultData, SearchBackend, SearchOptions } from './api.ts';
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
// BM25's usual constants.
const K1 = 1.2;
const B = 0.75;

/** Lower case, accents dropped: "Ré-examined" is found by "re examined". */
function fold(word: string): string {
	return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

export type Stemmer = (word: string) => string;

/** A stemmer that remembers: a report has tens of thousands of distinct words but millions of words. */
function remembering(stem: Stemmer): Stemmer {
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
function expand(vocabulary: readonly string[], term: string): [string, number][] {
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
 * Filter values are labels and titles an author wrote: counted in objects without a prototype, so that a status
 * labelled `toString` counts from 0 rather than from a function, and one labelled `__proto__` is counted at all.
 */
function countFilters(records: readonly SearchRecord[]): FilterCounts {
	const counts = dictionary<Record<string, number>>();
	for (const record of records) {
		for (const [filter, values] of Object.entries(record.filters)) {
			const byValue = (counts[filter] ??= dictionary());
			for (const value of values) byValue[value] = (byValue[value] ?? 0) + 1;
		}
	}
	return counts;
}

/** Filter names come from the page's URL: a `constructor` filter selects nothing rather than breaking the search. */
function passes(record: SearchRecord, filters: SearchOptions['filters'] = {}): boolean {
	return Object.entries(filters).every(
		([filter, { any }]) => !any.length || (own(record.filters, filter) ?? []).some((value) => any.includes(value)),
	);
}

export interface EngineOptions {
	/** Appended to every result's URL: `index.html` from disk, where a folder's address does not open its index page. */
	pageFile?: string;
	/** The report's language's stemmer; without one, words are matched as written. */
	stem?: Stemmer;
}

export function createSearchEngine(records: readonly SearchRecord[], options: EngineOptions = {}): SearchBackend {
	const pageFile = options.pageFile ?? '';
	const stem = remembering(options.stem ?? ((word) => word));
	// For each word, the records holding it and how often (title words count more).
	const postings = new Map<string, Map<number, number>>();
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
	const vocabulary = [...postings.keys()].sort();
	const averageLength = lengths.reduce((sum, length) => sum + length, 0) / Math.max(1, lengths.length);
	let baseUrl = '/';

	/** Scores of the records holding every term; a term matching nothing matches no record. */
	function score(terms: readonly string[]): Map<number, number> | undefined {
		let scores: Map<number, number> | undefined;
		for (const term of terms) {
			const termScores = new Map<number, number>();
			for (const [word, weight] of expand(vocabulary, term)) {
				const posting = postings.get(word)!;
				const idf = Math.log(1 + (records.length - posting.size + 0.5) / (posting.size + 0.5));
				for (const [index, frequency] of posting) {
					const norm = frequency + K1 * (1 - B + (B * lengths[index]!) / averageLength);
					const value = weight * idf * ((frequency * (K1 + 1)) / norm);
					termScores.set(index, Math.max(termScores.get(index) ?? 0, value));
				}
			}
			scores = scores
				? new Map(
						[...scores]
							.filter(([index]) => termScores.has(index))
							.map(([index, value]) => [index, value + termScores.get(index)!]),
					)
				: termScores;
			if (!scores.size) break;
		}
		return scores;
	}

	return {
		async options(options) {
			baseUrl = options.baseUrl;
		},
		async filters() {
			return countFilters(records);
		},
		async search(term, options) {
			const terms = [...new Set(words(term ?? '', stem))];
			if (term !== null && !terms.length) return { results: [], filters: {} };
			const scores = terms.length ? score(terms)! : new Map(records.map((_, index) => [index, 0]));
			let found = [...scores]
				.filter(([index]) => passes(records[index]!, options.filters))
				.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
			const [key, direction] = Object.entries(options.sort ?? {})[0] ?? [];
			if (key) {
				// Pages without the key, such as themes when sorting by date opened, are not listed, as in Pagefind.
				const sign = direction === 'desc' ? -1 : 1;
				const sortKey = (index: number) => own(records[index]!.sort, key);
				found = found
					.filter(([index]) => sortKey(index) !== undefined)
					.sort(([a], [b]) => sign * sortKey(a)!.localeCompare(sortKey(b)!, undefined, { numeric: true }));
			}
			const matched = found.map(([index]) => records[index]!);
			return {
				filters: countFilters(matched),
				results: matched.map((record, position) => ({
					id: String(found[position]![0]),
					data: async (): Promise<ResultData> => ({
						url: `${baseUrl}${record.url}${pageFile}`,
						excerpt: excerpt(record.content, terms, stem),
						meta: record.meta,
					}),
				})),
			};
		},
	};
}
