import { formatNumber } from '../lib/format.ts';
import { rowHtml, type RowContext } from '../lib/table/render.ts';
import { loadClassicScript } from './classic-script.ts';
import { applyState, pageOf, parseState, serializeState, unpackRow, type PackedRow, type TableRow, type TableState } from '../lib/table/state.ts';

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
	const language = config.context.language;
	// From disk (the offline edition) a page may only rewrite its own address, and folders need their index page named.
	const fromDisk = location.protocol === 'file:';
	const tableUrl = fromDisk ? location.pathname : config.findingsUrl;
	if (fromDisk) config.context.pageFile = 'index.html';

	let rows: TableRow[];
	try {
		// The rows come from a classic script, which loads over http and from disk alike.
		rows = (await loadClassicScript(config.dataUrl, () => window.findingsTable)).rows.map(unpackRow);
	} catch {
		return; // The static table stays, which is the no-JavaScript experience.
	}

	const stateFromUrl = () => {
		const search = new URLSearchParams(location.search);
		const page = PAGE_PATH.exec(location.pathname)?.[1];
		if (page && !search.has('page')) search.set('page', page);
		return parseState(search, config.metrics);
	};
	let state = stateFromUrl();

	const sortButtons = headers.map((th) => {
		const button = Object.assign(document.createElement('button'), { type: 'button', textContent: th.textContent, className: 'sort' });
		th.replaceChildren(button);
		button.addEventListener('click', () => {
			const key = th.dataset.sort!;
			state = { ...state, sort: key, dir: state.sort === key && state.dir === 'asc' ? 'desc' : 'asc', page: 1 };
			update();
		});
		return button;
	});

	function render(): void {
		const matching = applyState(rows, state, config.metrics);
		const shown = pageOf(matching, state.page, config.pageSize);
		state = { ...state, page: shown.page };
		tbody.innerHTML = shown.rows.map((row) => rowHtml(row, config.context)).join('');
		const first = (shown.page - 1) * config.pageSize + 1;
		const n = (value: number) => formatNumber(value, language);
		const range = matching.length ? `${n(first)} to ${n(first + shown.rows.length - 1)} of ` : '';
		const text = matching.length === rows.length ? `Showing ${range}all ${n(rows.length)} findings.` : `Showing ${range}${n(matching.length)} matching findings, of ${n(rows.length)}.`;
		status.textContent = matching.length ? text : `No finding matches these filters, of ${n(rows.length)}.`;
		caption.textContent = status.textContent;
		headers.forEach((th, index) => {
			const sorted = th.dataset.sort === state.sort;
			if (sorted) th.setAttribute('aria-sort', state.dir === 'asc' ? 'ascending' : 'descending');
			else th.removeAttribute('aria-sort');
			sortButtons[index]!.dataset.dir = sorted ? state.dir : '';
		});
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
		add('Previous', current - 1, current === 1);
		for (let page = 1; page <= total; page++) if (page === 1 || page === total || Math.abs(page - current) <= 2) add(String(page), page, false, page === current);
		add('Next', current + 1, current === total);
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
		for (const [name, value] of new FormData(form)) if (typeof value === 'string' && value !== '') search.append(name, value);
		state = { ...parseState(search, config.metrics), sort: state.sort, dir: state.dir, page: 1 };
		update();
	};
	form.addEventListener('input', readForm);
	form.addEventListener('reset', () => setTimeout(readForm));
	form.addEventListener('submit', (event) => event.preventDefault());

	fillForm(form, state);
	const filtered = serializeState({ ...state, sort: 'id', dir: 'asc', page: 1 }).size > 0;
	controls.open = filtered || matchMedia('(min-width: 60rem)').matches;
	controls.hidden = false;
	if (location.pathname !== tableUrl) update();
	else render();
	addEventListener('popstate', () => {
		state = stateFromUrl();
		fillForm(form, state);
		render();
	});
}
