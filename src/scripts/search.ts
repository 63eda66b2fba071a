/** The search page: Pagefind's index, facets with counts, and the query and filters in the URL. */
import { facetCounts } from '../lib/search/facet-counts.ts';
import type { FilterCounts, ResultData, SearchBackend, SearchOptions } from '../lib/search/api.ts';
import { t } from './messages.ts';
import { offlineSearch } from './offline-search.ts';

const FACETS = ['theme', 'status', 'outcome', 'year'] as const;
const PAGE = 20;
// Long enough to wait for the next letter of a word, short enough to feel immediate.
const TYPING_PAUSE = 200;
// How long a search may take before the status says it is searching.
const SLOW = 1000;

interface SearchState {
	q: string;
	sort: string;
	filters: Record<string, string[]>;
}

function readState(search: URLSearchParams): SearchState {
	return {
		q: search.get('q')?.trim() ?? '',
		sort: search.get('sort') ?? '',
		filters: Object.fromEntries(FACETS.map((facet) => [facet, search.getAll(facet)])),
	};
}

/** What the engine is asked for a state: its ticked values by facet, and its order. */
function searchOptions(state: SearchState): SearchOptions {
	const [field, direction] = state.sort.split('-') as [string, 'asc' | 'desc'];
	return {
		filters: Object.fromEntries(
			Object.entries(state.filters)
				.filter(([, values]) => values.length)
				.map(([facet, values]) => [facet, { any: values }]),
		),
		...(state.sort && { sort: { [field]: direction } }),
	};
}

function writeState(state: SearchState): string {
	const search = new URLSearchParams();
	if (state.q) search.set('q', state.q);
	if (state.sort) search.set('sort', state.sort);
	for (const facet of FACETS) for (const value of state.filters[facet] ?? []) search.append(facet, value);
	return search.size ? `?${search}` : '';
}

/** Pagefind on the hosted site; from disk, where Pagefind cannot load its files, the offline edition's engine. */
function loadBackend(base: string): Promise<SearchBackend> {
	return location.protocol === 'file:' ? offlineSearch(base) : import(/* @vite-ignore */ `${base}pagefind/pagefind.js`);
}

export async function startSearch(): Promise<void> {
	const root = document.querySelector<HTMLElement>('[data-search]');
	if (!root) return;
	const base = root.dataset.base!;
	const form = root.querySelector<HTMLFormElement>('form')!;
	const input = form.querySelector<HTMLInputElement>('input[type="search"]')!;
	const sort = form.querySelector<HTMLSelectElement>('select[name="sort"]')!;
	const status = root.querySelector<HTMLElement>('.search-status')!;
	const list = root.querySelector<HTMLOListElement>('.search-results')!;
	const more = root.querySelector<HTMLButtonElement>('.search-more')!;
	root.querySelector<HTMLElement>('.search-nojs')!.hidden = true;

	let state = readState(new URLSearchParams(location.search));
	// The form shows the URL's search before anything else, and is not written to again but on back and
	// forward: a reader who starts typing while the index loads keeps their words.
	input.value = state.q;
	sort.value = state.sort;
	// Handlers come first, so that a reader who presses Enter while the index loads is not lost.
	let pagefind: SearchBackend | undefined;
	let all: FilterCounts = {};
	const ready = (async () => {
		try {
			pagefind = await loadBackend(base);
			await pagefind.options({ baseUrl: base });
		} catch {
			status.textContent = t('search.failed');
			return false;
		}
		all = await pagefind.filters();
		for (const facet of FACETS) {
			const fieldset = form.querySelector<HTMLFieldSetElement>(`[data-facet="${facet}"]`)!;
			const values = Object.keys(all[facet] ?? {}).sort((a, b) => a.localeCompare(b, undefined, { numeric: true }));
			if (!values.length) fieldset.remove();
			for (const value of values) {
				const label = document.createElement('label');
				label.className = 'check';
				const box = Object.assign(document.createElement('input'), {
					type: 'checkbox',
					name: facet,
					value,
					checked: (state.filters[facet] ?? []).includes(value),
				});
				const count = Object.assign(document.createElement('span'), { className: 'count' });
				label.append(box, ` ${value} `, count);
				fieldset.append(label);
			}
		}
		form.querySelector<HTMLElement>('.search-facets')!.hidden = false;
		form.querySelector<HTMLElement>('.search-options')!.hidden = false;
		sort.disabled = false;
		return true;
	})();

	let run = 0;
	// Where the current history entry's settled search lives: typing rewrites the entry's address as it goes, and
	// a search that settles on another address puts this one back and adds an entry of its own.
	let settled = `${location.pathname}${location.search}`;
	// The address of the latest search asked for, and the pause before a typed one runs.
	let wanted = settled;
	let typing: ReturnType<typeof setTimeout> | undefined;

	const fill = () => {
		input.value = state.q;
		sort.value = state.sort;
		for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]'))
			box.checked = (state.filters[box.name] ?? []).includes(box.value);
	};

	/** One history entry per settled search, so that Back steps through searches, not through letters typed. */
	const commit = (url: string) => {
		if (url !== settled) {
			history.replaceState(null, '', settled);
			history.pushState(null, '', url);
			settled = url;
		} else history.replaceState(null, '', url);
	};

	/**
	 * Shows the results of the current state once they are all in, replacing the last results only then, so that
	 * typing does not blank the list at every pause. `commitUrl`, the state's address, is kept in history once they show.
	 */
	const render = async (commitUrl?: string) => {
		const current = ++run;
		// The state asked for, which the reader may change while the index loads.
		const { q } = state;
		const options = searchOptions(state);
		const filters = options.filters!;
		if (!(await ready) || !pagefind || current !== run) return;
		const filtered = Object.keys(filters).length > 0;
		if (!q && !filtered) {
			list.replaceChildren();
			more.hidden = true;
			for (const [facet, counts] of Object.entries(all))
				for (const [value, n] of Object.entries(counts)) setCount(facet, value, n);
			if (commitUrl) commit(commitUrl);
			say(t('search.prompt'));
			return;
		}
		// The status speaks once, when the results are in; only a search slow enough to leave the reader waiting,
		// such as the first, which loads the index, says so before.
		const slow = setTimeout(() => {
			if (current === run) say(t('search.searching'));
		}, SLOW);
		try {
			const search = await pagefind.search(q || null, options);
			// A newer search has started: its results win, however late this one's answer.
			if (current !== run || !search) return;
			const counts = await facetCounts(pagefind, q || null, filters, search.filters, all);
			if (current !== run) return;
			const n = search.results.length;
			let shown = 0;
			const nextPage = async () => {
				const page = await Promise.all(search.results.slice(shown, shown + PAGE).map((result) => result.data()));
				shown += page.length;
				return page.map(resultItem);
			};
			const first = await nextPage();
			if (current !== run) return;
			for (const facet of FACETS)
				for (const value of Object.keys(all[facet] ?? {})) setCount(facet, value, counts[facet]?.[value] ?? 0);
			list.replaceChildren(...first);
			more.hidden = shown >= n;
			more.onclick = async () => {
				const items = await nextPage();
				if (current !== run) return;
				list.append(...items);
				more.hidden = shown >= n;
			};
			// Before the status, so that the address is the search's own by the time the reader hears the count.
			if (commitUrl) commit(commitUrl);
			say(
				n
					? t(q ? 'search.resultsFor' : 'search.results', { count: n, words: q })
					: t(q ? 'search.nothingFor' : 'search.nothing', { words: q }),
			);
		} finally {
			clearTimeout(slow);
		}
	};

	/** The status is a polite live region: the same words again, as when a word is typed and taken back, are not news. */
	function say(text: string) {
		if (status.textContent !== text) status.textContent = text;
	}

	function setCount(facet: string, value: string, n: number) {
		const box = form.querySelector<HTMLInputElement>(`input[name="${facet}"][value="${CSS.escape(value)}"]`);
		if (box) box.parentElement!.querySelector('.count')!.textContent = t('search.facetCount', { count: n });
	}

	/** Reads the form; its address, always the page's own, since from disk a page may rewrite no other. */
	const readForm = () => {
		const data = new FormData(form);
		// Until the index has loaded, the form has no facets and its order is off: the address's stand.
		const loaded = !sort.disabled;
		state = {
			q: String(data.get('q') ?? '').trim(),
			sort: loaded ? String(data.get('sort') ?? '') : state.sort,
			filters: loaded
				? Object.fromEntries(FACETS.map((facet) => [facet, data.getAll(facet).map(String)]))
				: state.filters,
		};
		return `${location.pathname}${writeState(state)}`;
	};

	/** Searches now: Enter, a tick, another order. */
	const searchNow = () => {
		clearTimeout(typing);
		wanted = readForm();
		history.replaceState(null, '', wanted);
		void render(wanted);
	};
	input.addEventListener('input', () => {
		const url = readForm();
		// A space, or a word typed and taken back before its search ran: nothing new to look for.
		if (url === wanted) return;
		wanted = url;
		history.replaceState(null, '', url);
		clearTimeout(typing);
		// The pause is not lost: the index reads ahead what the words typed so far will need.
		if (state.q) pagefind?.preload(state.q, searchOptions(state)).catch(() => {});
		typing = setTimeout(() => void render(url), TYPING_PAUSE);
	});
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		searchNow();
	});
	form.addEventListener('change', (event) => {
		if ((event.target as HTMLElement).matches('input[type="checkbox"], select')) searchNow();
	});
	addEventListener('popstate', () => {
		clearTimeout(typing);
		state = readState(new URLSearchParams(location.search));
		settled = wanted = `${location.pathname}${location.search}`;
		fill();
		void render();
	});
	// A search asked for while the index loaded shows instead, and keeps its place in history.
	if (!(await ready) || run > 0) return;
	await render();
}

function resultItem(data: ResultData): HTMLLIElement {
	const item = document.createElement('li');
	const heading = document.createElement('h2');
	const link = Object.assign(document.createElement('a'), { href: data.url, textContent: data.meta.title ?? data.url });
	heading.append(link);
	const facts = document.createElement('p');
	facts.className = 'meta';
	facts.textContent = [data.meta.kind, data.meta.id, data.meta.status, data.meta.outcome].filter(Boolean).join(' · ');
	const excerpt = document.createElement('p');
	// Both engines escape the page's text and mark the words found with <mark>.
	excerpt.innerHTML = data.excerpt;
	item.append(heading, facts, excerpt);
	return item;
}
