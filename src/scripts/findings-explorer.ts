import { rowHtml, type RowContext } from '../lib/table/render.ts';
import { loadClassicScript } from './classic-script.ts';
import { t } from './messages.ts';
import {
	applyState,
	pageOf,
	parseState,
	rowsSummary,
	serializeState,
	unpackRow,
	type PackedRow,
	type TableRow,
	type TableState,
} from '../lib/table/state.ts';

interface Config {
	dataUrl: string;
	findingsUrl: string;
	pageSize: number;
	metrics: string[];
	context: RowContext;
}

declare global {
	interface Window {
		findingsTable?: { metrics: string[]; rows: PackedRow[] };
	}
}

const PAGE_PATH = /\/page\/(\d+)\/(?:index\.html)?$/;

function fillForm(form: HTMLFormElement, state: TableState): void {
	const values = serializeState({ ...state, sort: 'id', dir: 'asc', page: 1 });
	for (const element of form.elements) {
		if (!(element instanceof HTMLInputElement)) continue;
		if (element.type === 'checkbox') element.checked = values.getAll(element.name).includes(element.value);
		else element.value = values.get(element.name) ?? '';
	}
}

/** Sorting, filtering and paging of the findings table; without JavaScript the table is all there, in pages. */
export async function startExplorer(): Promise<void> {
	const root = document.querySelector<HTMLElement>('[data-explorer]');
	if (!root) return;
	const config = JSON.parse(root.querySelector('script[type="application/json"]')!.textContent!) as Config;
	const controls = root.querySelector<HTMLDetailsElement>('.explorer-controls')!;
	const form = controls.querySelector('form')!;
	const status = root.querySelector<HTMLElement>('.explorer-status')!;
	const tbody = root.querySelector('tbody')!;
	const caption = root.querySelector('caption')!;
	const pages = root.querySelector<HTMLElement>('.explorer-pages')!;
	const headers = [...root.querySelectorAll<HTMLTableCellElement>('th[data-sort]')];
	// From disk (the offline edition) a page may only rewrite its own address, and folders need their index page named.
	const fromDisk = location.protocol === 'file:';
	const tableUrl = fromDisk ? location.pathname : config.findingsUrl;
	if (fromDisk) config.context.pageFile = 'index.html';
	const stateFromUrl = () => {
		const search = new URLSearchParams(location.search);
		const page = PAGE_PATH.exec(location.pathname)?.[1];
		if (page && !search.has('page')) search.set('page', page);
		return parseState(search, config.metrics);
	};

	let state = stateFromUrl();
	let rows: TableRow[] | undefined;

	// The controls and sort buttons take their place before the rows arrive, while the first paint may still be to
	// come: added later, they would move the table under the reader's eyes. They wait for the rows to act.
	const filtered = serializeState({ ...state, sort: 'id', dir: 'asc', page: 1 }).size > 0;
	controls.open = filtered || matchMedia('(min-width: 60rem)').matches;
	controls.inert = true;
	controls.hidden = false;
	fillForm(form, state);
	const sortButtons = headers.map((th) => {
		const button = Object.assign(document.createElement('button'), { type: 'button', className: 'sort' });
		// The header's own nodes, so that a short form keeps its full label for screen readers.
		button.append(...th.childNodes);
		th.replaceChildren(button);
		button.addEventListener('click', () => {
			if (!rows) return;
			const key = th.dataset.sort!;
			state = { ...state, sort: key, dir: state.sort === key && state.dir === 'asc' ? 'desc' : 'asc', page: 1 };
			update();
		});
		return button;
	});
	const markSort = () =>
		headers.forEach((th, index) => {
			const sorted = th.dataset.sort === state.sort;
			if (sorted) th.setAttribute('aria-sort', state.dir === 'asc' ? 'ascending' : 'descending');
			else th.removeAttribute('aria-sort');
			sortButtons[index]!.dataset.dir = sorted ? state.dir : '';
		});
	markSort();

	try {
		// The rows come from a classic script, which loads over http and from disk alike.
		rows = (await loadClassicScript(config.dataUrl, () => window.findingsTable)).rows.map(unpackRow);
	} catch {
		// The static table stays, as without JavaScript, with nothing on it that would do nothing.
		controls.hidden = true;
		headers.forEach((th, index) => {
			th.replaceChildren(...sortButtons[index]!.childNodes);
			th.removeAttribute('aria-sort');
		});
		return;
	}
	controls.inert = false;

	// Unfiltered and unsorted, the built page already lists the rows it would: left as they are, at no cost.
	let asBuilt = serializeState({ ...state, page: 1 }).size === 0;
	const builtPage = Number(PAGE_PATH.exec(location.pathname)?.[1] ?? 1);
	function render(): void {
		if (!rows) return;
		const matching = applyState(rows, state, config.metrics);
		const shown = pageOf(matching, state.page, config.pageSize);
		state = { ...state, page: shown.page };
		if (!asBuilt || shown.page !== builtPage)
			tbody.innerHTML = shown.rows.map((row) => rowHtml(row, config.context)).join('');
		asBuilt = false;
		const first = (shown.page - 1) * config.pageSize + 1;
		const text = rowsSummary({ first, count: shown.rows.length }, matching.length, rows.length, t);
		status.textContent = text;
		// Written only when it changes: the built page already says it for the rows it lists.
		if (caption.textContent !== text) caption.textContent = text;
		markSort();
		renderPages(shown.page, shown.pages);
	}

	function renderPages(current: number, total: number): void {
		pages.replaceChildren();
		if (total < 2) return;
		const list = document.createElement('ul');
		const add = (label: string, page: number, disabled: boolean, currentPage = false) => {
			const button = Object.assign(document.createElement('button'), { type: 'button', textContent: label, disabled });
			if (currentPage) button.setAttribute('aria-current', 'page');
			button.addEventListener('click', () => {
				state = { ...state, page };
				update();
				root!.scrollIntoView({ block: 'start' });
			});
			const item = document.createElement('li');
			item.append(button);
			list.append(item);
		};
		add(t('explorer.previous'), current - 1, current === 1);
		for (let page = 1; page <= total; page++)
			if (page === 1 || page === total || Math.abs(page - current) <= 2)
				add(String(page), page, false, page === current);
		add(t('explorer.next'), current + 1, current === total);
		pages.append(list);
	}

	function update(): void {
		const query = serializeState(state);
		// A page folder's own number would otherwise be read back from the address.
		if (fromDisk && PAGE_PATH.test(location.pathname)) query.set('page', String(state.page));
		history.replaceState(null, '', `${tableUrl}${query.size ? `?${query}` : ''}`);
		render();
	}

	const readForm = () => {
		const search = new URLSearchParams();
		for (const [name, value] of new FormData(form))
			if (typeof value === 'string' && value !== '') search.append(name, value);
		state = { ...parseState(search, config.metrics), sort: state.sort, dir: state.dir, page: 1 };
		update();
	};
	form.addEventListener('input', readForm);
	form.addEventListener('reset', () => setTimeout(readForm));
	form.addEventListener('submit', (event) => event.preventDefault());

	if (location.pathname !== tableUrl) update();
	else render();
	addEventListener('popstate', () => {
		state = stateFromUrl();
		fillForm(form, state);
		render();
	});
}
