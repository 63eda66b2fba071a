import { scriptJson } from '../script-json.ts';
import {
	expand,
	indexWords,
	remembering,
	type Match,
	type Posting,
	type RecordFacts,
	type SearchIndex,
	type Stemmer,
} from './engine.ts';
import type { SearchRecord } from './records.ts';

/**
 * The offline edition's search index, built at build time and read in parts from disk. A page opened from disk may
 * run its sibling scripts but not fetch them, so each part is a classic script that files its data under its name in
 * `self.searchParts`:
 * - `index`: every record's facts (address, metadata, filters, sort keys) and length, which filter counts, sorting
 *   and BM25 need for every result, and the first word of each postings part; read when the search page opens.
 * - `w<n>`: the postings of a run of the sorted vocabulary, about `WORDS_PART` characters; a query word reads the
 *   part that would hold it and the following parts whose first word it begins (the words it matches by prefix).
 * - `t<n>`: the text of a run of records, about `TEXT_PART` characters; read for the excerpts of the results shown.
 * The index is made by the same code as the page's own (`indexWords`), and the page scores it with the same code
 * (`engineFor`), so results and their order are those of searching the records in memory.
 */

/** Characters of postings per part: a few parts for a word, with its prefixes. */
const WORDS_PART = 32_000;
/** Characters of text per part: a page of 20 results reads at most 20 of these. */
const TEXT_PART = 12_000;

/** What each part's script files under its name. */
export type SearchParts = Record<string, unknown>;

interface IndexPart {
	/** Every distinct name and value of the records' metadata, filters and sort keys, each once. */
	strings: string[];
	/** Per record: address, length, then metadata, filters and sort keys as indexes into `strings`. */
	records: [url: string, length: number, meta: number[], filters: (number | number[])[], sort: number[]][];
	/** The first word of each postings part. */
	words: string[];
	/** The first record of each text part. */
	texts: number[];
}

/** Words, and per word its records as gaps from the last one, each preceded by its frequency negated when not 1. */
type WordsPart = [words: string[], postings: number[][]];

/** The script of one part: filed under its name, its data escaped as the site escapes all data in scripts. */
function partScript(name: string, data: unknown): string {
	return `(self.searchParts ??= {})[${scriptJson(name)}] = ${scriptJson(data)};\n`;
}

function encodePosting(posting: Posting): number[] {
	const encoded: number[] = [];
	let last = 0;
	for (const [record, frequency] of posting) {
		if (frequency !== 1) encoded.push(-frequency);
		encoded.push(record - last);
		last = record;
	}
	return encoded;
}

function decodePosting(encoded: readonly number[]): Posting {
	const posting: Posting = new Map();
	let record = 0;
	let frequency = 1;
	for (const value of encoded) {
		if (value < 0) frequency = -value;
		else {
			record += value;
			posting.set(record, frequency);
			frequency = 1;
		}
	}
	return posting;
}

/** Runs of items cut where they pass `size` characters. */
function runs<T>(items: readonly T[], length: (item: T) => number, size: number): T[][] {
	const cut: T[][] = [];
	let run: T[] = [];
	let characters = 0;
	for (const item of items) {
		run.push(item);
		characters += length(item);
		if (characters >= size) {
			cut.push(run);
			run = [];
			characters = 0;
		}
	}
	if (run.length) cut.push(run);
	return cut;
}

/**
 * The parts of the offline edition's search index, by name (`index`, `w0`, `t0`…), each a classic script. The
 * stemmer must be the page's own, so that the words typed are stemmed as the words indexed were.
 */
export function offlineIndexParts(
	records: readonly SearchRecord[],
	stem: Stemmer,
	sizes: { words: number; text: number } = { words: WORDS_PART, text: TEXT_PART },
): Map<string, string> {
	const { vocabulary, postings, lengths } = indexWords(records, remembering(stem));
	const parts = new Map<string, string>();
	const strings = new Map<string, number>();
	const id = (text: string) => {
		let known = strings.get(text);
		if (known === undefined) strings.set(text, (known = strings.size));
		return known;
	};
	const pairs = <T>(map: Record<string, T>, value: (value: T) => number | number[]) =>
		Object.entries(map).flatMap(([key, item]) => [id(key), value(item)]);

	const wordRuns = runs(
		vocabulary.map((word) => [word, encodePosting(postings.get(word)!)] as const),
		([word, posting]) => word.length + posting.join(',').length,
		sizes.words,
	);
	wordRuns.forEach((run, part) => {
		const data: WordsPart = [run.map(([word]) => word), run.map(([, posting]) => posting)];
		parts.set(`w${part}`, partScript(`w${part}`, data));
	});
	const textRuns = runs(
		records.map((record, index) => [index, record.content] as const),
		([, content]) => content.length,
		sizes.text,
	);
	textRuns.forEach((run, part) =>
		parts.set(
			`t${part}`,
			partScript(
				`t${part}`,
				run.map(([, content]) => content),
			),
		),
	);
	const facts: IndexPart['records'] = records.map((record, at) => [
		record.url,
		lengths[at]!,
		pairs(record.meta, id) as number[],
		pairs(record.filters, (values) => values.map(id)),
		pairs(record.sort, id) as number[],
	]);
	const index: IndexPart = {
		records: facts,
		strings: [...strings.keys()],
		words: wordRuns.map((run) => run[0]![0]),
		texts: textRuns.map((run) => run[0]![0]),
	};
	parts.set('index', partScript('index', index));
	return parts;
}

/**
 * An object from [key, value, key, value…], made by defining its properties, so that a filter or label named
 * `__proto__` is a property like any other (the engine reads own properties only). A plain object rather than one
 * without a prototype, which V8 keeps in a slower form: every search reads every result's filters.
 */
function fromPairs<T>(pairs: readonly (number | number[])[], strings: readonly string[], value: (item: never) => T) {
	const entries: [string, T][] = [];
	for (let at = 0; at < pairs.length; at += 2)
		entries.push([strings[pairs[at] as number]!, value(pairs[at + 1] as never)]);
	return Object.fromEntries(entries);
}

/** The last entry of a sorted list at or before `value`, or 0. */
function partOf<T>(firsts: readonly T[], value: T): number {
	let low = 0;
	let high = firsts.length;
	while (low < high) {
		const middle = (low + high) >> 1;
		if (firsts[middle]! <= value) low = middle + 1;
		else high = middle;
	}
	return Math.max(0, low - 1);
}

/**
 * The offline edition's index read in parts: `load(name)` gives a part's data, running its script at most once.
 * Reads the `index` part before it answers.
 */
export async function openOfflineIndex(load: (name: string) => Promise<unknown>): Promise<SearchIndex> {
	const loaded = new Map<string, Promise<unknown>>();
	const part = <T>(name: string) => {
		let promise = loaded.get(name);
		if (!promise) loaded.set(name, (promise = load(name)));
		return promise as Promise<T>;
	};
	const index = await part<IndexPart>('index');
	const { strings } = index;
	const text = (at: number) => strings[at]!;
	const records: RecordFacts[] = index.records.map(([url, , meta, filters, sort]) => ({
		url,
		meta: fromPairs(meta, strings, text),
		filters: fromPairs(filters, strings, (values: number[]) => values.map(text)),
		sort: fromPairs(sort, strings, text),
	}));
	const decoded = new Map<string, Posting>();
	return {
		records,
		lengths: index.records.map(([, length]) => length),
		async matches(term) {
			if (!index.words.length) return [];
			// The part that would hold the term, and those after it that begin with it: every word the term begins.
			const first = partOf(index.words, term);
			let last = first;
			while (last + 1 < index.words.length && index.words[last + 1]!.startsWith(term)) last++;
			const names = Array.from({ length: last - first + 1 }, (_, offset) => `w${first + offset}`);
			const words = await Promise.all(names.map((name) => part<WordsPart>(name)));
			return words.flatMap(([list, postings]) => {
				const found = expand(list, term);
				// The words found are a run of the part's sorted words.
				const start = found.length ? list.indexOf(found[0]![0]) : 0;
				return found.map(([word, weight], offset): Match => {
					let posting = decoded.get(word);
					if (!posting) decoded.set(word, (posting = decodePosting(postings[start + offset]!)));
					return [word, weight, posting];
				});
			});
		},
		async content(at) {
			const number = partOf(index.texts, at);
			const texts = await part<string[]>(`t${number}`);
			return texts[at - index.texts[number]!]!;
		},
	};
}
