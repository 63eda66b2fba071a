import { describe, expect, it } from 'vitest';
import { facetCounts } from '../../src/lib/search/facet-counts.ts';
import { createSearchEngine, engineFor, excerpt, remembering, type Stemmer } from '../../src/lib/search/engine.ts';
import { offlineIndexParts, openOfflineIndex } from '../../src/lib/search/offline-index.ts';
import { partLoader } from '../support/offline-parts.ts';
import type { SearchBackend } from '../../src/lib/search/api.ts';
import type { SearchRecord } from '../../src/lib/search/records.ts';
import { stemmerModule } from '../../src/lib/search/stemmers.ts';

function finding(id: string, content: string, filters: Record<string, string[]>, opened: string): SearchRecord {
	return {
		url: `findings/${id}/`,
		title: `${id}: Finding ${id}`,
		content,
		meta: { title: `Finding ${id}`, id, kind: 'Finding' },
		filters,
		sort: { opened },
	};
}

const records: SearchRecord[] = [
	finding(
		'A-1',
		'Referrals were not shared with the council. Sharing improved later.',
		{ theme: ['Information sharing'], status: ['Completed'], year: ['2014'] },
		'2014-03-01',
	),
	finding(
		'A-2',
		'Supervisors did not review the archive of referrals.',
		{ theme: ['Leadership', 'Information sharing'], status: ['Open'], year: ['2015'] },
		'2015-06-01',
	),
	finding(
		'A-3',
		'Resourcing of the unit was <inadequate> & unstable; the résumé of cases was lost.',
		{ theme: ['Resourcing'], status: ['Completed'], year: ['2013'] },
		'2013-01-10',
	),
	{
		url: 'themes/leadership/',
		title: 'Leadership',
		content: 'Leadership. How supervisors reviewed referrals.',
		meta: { title: 'Leadership', kind: 'Theme' },
		filters: {},
		sort: {},
	},
];
const engine = createSearchEngine(records, { pageFile: 'index.html' });
await engine.options({ baseUrl: '../' });

const ids = async (term: string | null, options = {}) => {
	const search = await engine.search(term, options);
	return Promise.all(search!.results.map(async (result) => (await result.data()).url));
};

describe('offline search engine', () => {
	it('finds pages holding every word, by whole word or the start of one, accents ignored', async () => {
		expect(await ids('archive')).toEqual(['../findings/A-2/index.html']);
		expect(await ids('supervisors referrals')).toEqual(
			expect.arrayContaining(['../findings/A-2/index.html', '../themes/leadership/index.html']),
		);
		expect(await ids('supervisors council')).toEqual([]);
		expect(await ids('shar')).toEqual(['../findings/A-1/index.html']);
		expect(await ids('refer')).toHaveLength(3);
		expect(await ids('RESUME')).toEqual(['../findings/A-3/index.html']);
		expect(await ids('zzz')).toEqual([]);
	});

	it('ranks a page whose title holds the word above one that only mentions it', async () => {
		expect((await ids('leadership'))[0]).toBe('../themes/leadership/index.html');
	});

	it('filters with any value inside a filter and all filters together, and counts values within the results', async () => {
		expect(await ids(null, { filters: { theme: { any: ['Information sharing'] } } })).toEqual([
			'../findings/A-1/index.html',
			'../findings/A-2/index.html',
		]);
		expect(await ids(null, { filters: { theme: { any: ['Leadership', 'Resourcing'] } } })).toEqual([
			'../findings/A-2/index.html',
			'../findings/A-3/index.html',
		]);
		expect(
			await ids(null, { filters: { theme: { any: ['Information sharing'] }, status: { any: ['Completed'] } } }),
		).toEqual(['../findings/A-1/index.html']);
		const search = await engine.search('referrals', { filters: { status: { any: ['Open', 'Completed'] } } });
		expect(search!.filters).toEqual({
			theme: { 'Information sharing': 2, Leadership: 1 },
			status: { Completed: 1, Open: 1 },
			year: { '2014': 1, '2015': 1 },
		});
		expect(await engine.filters()).toEqual({
			theme: { 'Information sharing': 2, Leadership: 1, Resourcing: 1 },
			status: { Completed: 2, Open: 1 },
			year: { '2013': 1, '2014': 1, '2015': 1 },
		});
	});

	it('sorts by a sort key, leaving out pages without one, as Pagefind does', async () => {
		expect(await ids(null, { sort: { opened: 'asc' } })).toEqual([
			'../findings/A-3/index.html',
			'../findings/A-1/index.html',
			'../findings/A-2/index.html',
		]);
		expect(await ids('referrals', { sort: { opened: 'desc' } })).toEqual([
			'../findings/A-2/index.html',
			'../findings/A-1/index.html',
		]);
	});

	it('gives each result its metadata and an escaped excerpt with the words found marked', async () => {
		const search = await engine.search('inadequate unit', {});
		const data = await search!.results[0]!.data();
		expect(data.meta).toEqual({ title: 'Finding A-3', id: 'A-3', kind: 'Finding' });
		expect(data.excerpt).toBe(
			'Resourcing of the <mark>unit</mark> was &lt;<mark>inadequate</mark>&gt; &amp; unstable; the résumé of cases was lost.',
		);
	});

	it('cuts a long excerpt around the first word found', () => {
		const text = Array.from({ length: 100 }, (_, index) => `w${index}`).join(' ');
		expect(excerpt(text, ['w50'])).toBe(
			`… ${Array.from({ length: 30 }, (_, index) => (index === 7 ? '<mark>w50</mark>' : `w${43 + index}`)).join(' ')} …`,
		);
		expect(excerpt(text, [])).toBe(`${Array.from({ length: 30 }, (_, index) => `w${index}`).join(' ')} …`);
	});
});

describe('offline search engine with the report language’s stemmer', () => {
	it('picks the Snowball stemmer by the language tag, and none for a language without one', () => {
		expect(stemmerModule('en-GB')).toBe('@orama/stemmers/english');
		expect(stemmerModule('fr')).toBe('@orama/stemmers/french');
		expect(stemmerModule('cy')).toBeUndefined();
	});

	it('finds other forms of a word, as Pagefind does, and marks them', async () => {
		const { stemmer } = (await import(stemmerModule('en')!)) as { stemmer: (word: string) => string };
		const stemmed = createSearchEngine(records, { stem: stemmer });
		const search = await stemmed.search('shared referral', {});
		expect(search!.results).toHaveLength(1);
		expect((await search!.results[0]!.data()).excerpt).toBe(
			'<mark>Referrals</mark> were not <mark>shared</mark> with the council. <mark>Sharing</mark> improved later.',
		);
		expect((await stemmed.search('supervisor reviewing', {}))!.results).toHaveLength(2);
	});
});

describe('facet counts', () => {
	const counts = async (term: string | null, filters: Record<string, { any: string[] }>) =>
		facetCounts(engine, term, filters, (await engine.search(term, { filters }))!.filters, await engine.filters());

	it('leaves a facet’s counts as they were when one of its values is ticked, so the others say what they would add', async () => {
		expect(await counts('referrals', { status: { any: ['Completed'] } })).toEqual({
			theme: { 'Information sharing': 1 },
			status: { Completed: 1, Open: 1 },
			year: { '2014': 1 },
		});
		expect((await counts(null, { status: { any: ['Completed'] } })).status).toEqual({ Completed: 2, Open: 1 });
	});

	it('narrows each facet by the ticks of the others', async () => {
		const both = await counts(null, { theme: { any: ['Leadership'] }, status: { any: ['Completed'] } });
		expect(both.status).toEqual({ Open: 1 });
		expect(both.theme).toEqual({ 'Information sharing': 1, Resourcing: 1 });
	});
});

describe('labels, titles and filter names that Object.prototype also has', () => {
	const NAMES = ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'];
	const hostile = NAMES.map((name, index) =>
		finding(
			`H-${index}`,
			`Record ${index}.`,
			{ status: [name], theme: [name, 'Plain'], year: ['2015'] },
			`2015-0${index + 1}-01`,
		),
	);
	const engine = createSearchEngine(hostile);
	const urls = async (options: Parameters<typeof engine.search>[1]) =>
		Promise.all((await engine.search(null, options))!.results.map(async (result) => (await result.data()).url));
	// Built from entries: an object literal would read `__proto__:` as its prototype, not as a filter.
	const filter = (name: string, any: string[]) => ({ filters: Object.fromEntries([[name, { any }]]) });

	it('counts each as a value like any other, from 0, and lists every one', async () => {
		const all = await engine.filters();
		expect(Object.entries(all.status!)).toEqual(NAMES.map((name) => [name, 1]));
		expect(Object.entries(all.theme!)).toEqual([
			['toString', 1],
			['Plain', 5],
			...NAMES.slice(1).map((name) => [name, 1]),
		]);
		expect(Object.keys(all)).toEqual(['status', 'theme', 'year']);
	});

	it('filters by each', async () => {
		for (const [index, name] of NAMES.entries())
			expect(await urls(filter('status', [name]))).toEqual([`/findings/H-${index}/`]);
		const counts = (await engine.search(null, filter('theme', ['__proto__'])))!.filters;
		expect(Object.entries(counts.status!)).toEqual([['__proto__', 1]]);
		expect(counts.status!.toString).toBeUndefined();
	});

	it('selects nothing for a filter or sort key that no record has, whatever its name, rather than failing', async () => {
		for (const name of ['constructor', 'toString', '__proto__']) {
			expect(await urls(filter(name, ['x']))).toEqual([]);
			expect(await urls({ sort: Object.fromEntries([[name, 'asc']]) })).toEqual([]);
		}
	});

	it('gives facet counts for each, from this engine and from one that answers with plain objects, as Pagefind does', async () => {
		const ticked = filter('status', ['toString']).filters;
		const narrowed = (await engine.search(null, { filters: ticked }))!.filters;
		const counts = await facetCounts(engine, null, ticked, narrowed, await engine.filters());
		expect(Object.entries(counts.status!)).toEqual(NAMES.map((name) => [name, 1]));
		expect(Object.entries(counts.theme!)).toEqual([
			['toString', 1],
			['Plain', 1],
		]);
		expect(counts.theme!.constructor).toBeUndefined();
		// JSON gives plain objects, whose prototype answers `constructor` and `toString` for values with no count.
		const plain: SearchBackend = {
			...engine,
			search: async () => ({ results: [], filters: JSON.parse('{"status":{"Open":2,"__proto__":1}}') }),
		};
		const fromPlain = await facetCounts(
			plain,
			'word',
			{ status: { any: ['Open'] } },
			JSON.parse('{"theme":{"Plain":1}}'),
			{},
		);
		expect(Object.entries(fromPlain.status!)).toEqual([
			['Open', 2],
			['__proto__', 1],
		]);
		expect(fromPlain.status!.toString).toBeUndefined();
		expect(fromPlain.theme!.constructor).toBeUndefined();
		expect(fromPlain.constructor).toBeUndefined();
	});
});

/** Runs the offline edition's part scripts as the page does, one at a time as asked for, noting which were read. */
function fromParts(parts: Map<string, string>) {
	const read: string[] = [];
	const load = partLoader((name) => {
		read.push(name);
		return parts.get(name)!;
	});
	return { read, load };
}

describe('the offline edition’s index, built at build time and read in parts', async () => {
	const { stemmer } = (await import(stemmerModule('en')!)) as { stemmer: Stemmer };
	// Parts of a few words and a record or two each, so that a search must pick which to read.
	const parts = offlineIndexParts(records, stemmer, { words: 20, text: 40 });
	const inMemory = createSearchEngine(records, { pageFile: 'index.html', stem: stemmer });
	await inMemory.options({ baseUrl: '../' });
	const answers = async (backend: SearchBackend, term: string | null, options = {}) => {
		const search = (await backend.search(term, options))!;
		return { filters: search.filters, results: await Promise.all(search.results.map((result) => result.data())) };
	};

	it('answers every search as the engine in memory does: the same results in the same order, counts and excerpts', async () => {
		const { load } = fromParts(parts);
		const offline = engineFor(await openOfflineIndex(load), { pageFile: 'index.html', stem: remembering(stemmer) });
		await offline.options({ baseUrl: '../' });
		expect(parts.size).toBeGreaterThan(6);
		expect(await offline.filters()).toEqual(await inMemory.filters());
		for (const term of [
			'archive',
			'supervisors referrals',
			'shar',
			'refer',
			'r',
			'RESUME',
			'leadership',
			'zzz',
			'',
			null,
		])
			for (const options of [
				{},
				{ sort: { opened: 'desc' } },
				{ filters: { theme: { any: ['Information sharing'] } } },
				{ filters: { theme: { any: ['Leadership', 'Resourcing'] }, status: { any: ['Open'] } } },
			])
				expect(await answers(offline, term, options), `${term} ${JSON.stringify(options)}`).toEqual(
					await answers(inMemory, term, options),
				);
	});

	it('reads its first part on opening, then only the parts holding the words a search matches, and a result’s text for its excerpt', async () => {
		const { read, load } = fromParts(parts);
		const offline = engineFor(await openOfflineIndex(load), { stem: remembering(stemmer) });
		expect(read).toEqual(['index']);
		await offline.filters();
		await offline.search(null, { filters: { status: { any: ['Open'] } } });
		expect(read).toEqual(['index']);
		const search = (await offline.search('archive', {}))!;
		const words = read.slice(1);
		expect(words.length).toBeGreaterThan(0);
		expect(words.length).toBeLessThan([...parts.keys()].filter((name) => name.startsWith('w')).length);
		expect(words.every((name) => name.startsWith('w'))).toBe(true);
		await search.results[0]!.data();
		expect(read.slice(1 + words.length)).toEqual([expect.stringMatching(/^t\d+$/)]);
		// A word that begins many reads every part that holds one of them, and once only.
		await offline.search('r', {});
		await offline.search('re', {});
		expect(new Set(read).size).toBe(read.length);
	});

	it('reads ahead while the reader pauses: then the search and its first excerpts read nothing more', async () => {
		const { read, load } = fromParts(parts);
		const offline = engineFor(await openOfflineIndex(load), { stem: remembering(stemmer) });
		// Only the latest of the words typed so far is searched ahead.
		await Promise.all([
			offline.preload('refer'),
			offline.preload('referrals supervisors', { sort: { opened: 'asc' } }),
		]);
		const ahead = read.length;
		expect(read.filter((name) => name.startsWith('w')).length).toBeGreaterThan(0);
		expect(read.filter((name) => name.startsWith('t')).length).toBeGreaterThan(0);
		const search = (await offline.search('referrals supervisors', { sort: { opened: 'asc' } }))!;
		await Promise.all(search.results.map((result) => result.data()));
		expect(read).toHaveLength(ahead);
	});

	it('keeps labels that could end a script or name a prototype as data, each a value like any other', async () => {
		const hostile = ['</script><script>alert(1)</script>', '<!--', '__proto__', 'toString'].map((label, index) =>
			finding(
				`H-${index}`,
				`Record ${label} ${index}.`,
				{ status: [label], theme: [label, 'Plain'] },
				`2015-0${index + 1}-01`,
			),
		);
		const hostileParts = offlineIndexParts(hostile, (word) => word);
		for (const script of hostileParts.values()) expect(script).not.toMatch(/<\/script|<!--/i);
		const offline = engineFor(await openOfflineIndex(fromParts(hostileParts).load));
		const memory = createSearchEngine(hostile);
		expect(Object.entries((await offline.filters()).status!)).toEqual(Object.entries((await memory.filters()).status!));
		for (const label of ['__proto__', '</script><script>alert(1)</script>']) {
			const options = { filters: Object.fromEntries([['status', { any: [label] }]]) };
			expect(await answers(offline, null, options)).toEqual(await answers(memory, null, options));
			expect((await offline.search(null, options))!.results).toHaveLength(1);
		}
		expect(await answers(offline, 'script', {})).toEqual(await answers(memory, 'script', {}));
	});
});
