/** The search page: Pagefind's index, facets with counts, and the query and filters in the URL. */
import { facetCounts } from '../lib/search/facet-counts.ts';
import type { FilterCounts, ResultData, SearchBackend } from '../lib/search/api.ts';
import { offlineSearch } from './offline-search.ts';

const FACETS = ['theme', 'status', 'outcome', 'year'] as const;
const PAGE = 20;

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
			status.textContent = 'The search index could not be loaded. Every finding is in the findings table.';
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
				const box = Object.assign(document.createElement('input'), { type: 'checkbox', name: facet, value, checked: (state.filters[facet] ?? []).includes(value) });
				const count = Object.assign(document.createElement('span'), { className: 'count' });
				label.append(box, ` ${value} `, count);
				fieldset.append(label);
			}
		}
		form.querySelector<HTMLElement>('.search-facets')!.hidden = false;
		form.querySelector<HTMLElement>('.search-options')!.hidden = false;
		return true;
	})();

	let run = 0;

	const fill = () => {
		input.value = state.q;
		sort.value = state.sort;
		for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = (state.filters[box.name] ?? []).includes(box.value);
	};

	const render = async () => {
		const current = ++run;
		if (!(await ready) || !pagefind) return;
		const filters = Object.fromEntries(Object.entries(state.filters).filter(([, values]) => values.length).map(([facet, values]) => [facet, { any: values }]));
		const filtered = Object.keys(filters).length > 0;
		list.replaceChildren();
		more.hidden = true;
		if (!state.q && !filtered) {
			status.textContent = 'Type words to find, or choose a theme, status, outcome or year.';
			for (const [facet, counts] of Object.entries(all)) for (const [value, n] of Object.entries(counts)) setCount(facet, value, n);
			return;
		}
		status.textContent = 'Searching…';
		const [field, direction] = state.sort.split('-') as [string, 'asc' | 'desc'];
		const search = await pagefind.search(state.q || null, { filters, ...(state.sort && { sort: { [field]: direction } }) });
		// A newer search has started: its results win.
		if (current !== run || !search) return;
		const counts = await facetCounts(pagefind, state.q || null, filters, search.filters, all);
		if (current !== run) return;
		for (const facet of FACETS) for (const value of Object.keys(all[facet] ?? {})) setCount(facet, value, counts[facet]?.[value] ?? 0);
		const n = search.results.length;
		let shown = 0;
		const showMore = async () => {
			const page = await Promise.all(search.results.slice(shown, shown + PAGE).map((result) => result.data()));
			if (current !== run) return;
			for (const data of page) list.append(resultItem(data));
			shown += page.length;
			more.hidden = shown >= n;
		};
		more.onclick = () => void showMore();
		await showMore();
		if (current !== run) return;
		// Announced once the first results are on the page, not before.
		status.textContent = n ? `${n} ${n === 1 ? 'result' : 'results'}${state.q ? ` for “${state.q}”` : ''}.` : `Nothing found${state.q ? ` for “${state.q}”` : ''}. Try other words, or fewer filters.`;
	};

	function setCount(facet: string, value: string, n: number) {
		const box = form.querySelector<HTMLInputElement>(`input[name="${facet}"][value="${CSS.escape(value)}"]`);
		if (box) box.parentElement!.querySelector('.count')!.textContent = `(${n})`;
	}

	const update = (push: boolean) => {
		const data = new FormData(form);
		state = { q: String(data.get('q') ?? '').trim(), sort: String(data.get('sort') ?? ''), filters: Object.fromEntries(FACETS.map((facet) => [facet, data.getAll(facet).map(String)])) };
		const url = `${location.pathname}${writeState(state)}`;
		if (push) history.pushState(null, '', url);
		else history.replaceState(null, '', url);
		void render();
	};
	form.addEventListener('submit', (event) => {
		event.preventDefault();
		update(true);
	});
	form.addEventListener('change', (event) => {
		if ((event.target as HTMLElement).matches('input[type="checkbox"], select')) update(true);
	});
	addEventListener('popstate', () => {
		state = readState(new URLSearchParams(location.search));
		fill();
		void render();
	});
	if (!(await ready)) return;
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
