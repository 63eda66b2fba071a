import type { ChartFigure } from './chart-drawing.ts';

/** Resolves once the page has loaded and painted a frame since. */
function painted(): Promise<void> {
	const loaded =
		document.readyState === 'complete'
			? Promise.resolve()
			: new Promise<void>((resolve) => addEventListener('load', () => resolve(), { once: true }));
	return loaded.then(
		() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
	);
}

function showView(figure: HTMLElement, view: 'chart' | 'table'): void {
	figure.querySelector<HTMLElement>('.chart-canvas')!.hidden = view !== 'chart';
	figure.querySelector<HTMLElement>('.chart-table')!.hidden = view !== 'table';
	for (const button of figure.querySelectorAll<HTMLButtonElement>('[data-view]'))
		button.setAttribute('aria-pressed', String(button.dataset.view === view));
}

/**
 * Readies every chart on the page and draws each as it comes near the viewport, one per task, so that a page of
 * charts does not block the reader at load. Without JavaScript each stays a table.
 */
export function drawCharts(): void {
	const figures = [...document.querySelectorAll<ChartFigure>('figure[data-chart]')];
	const waiting = new Set<ChartFigure>();
	const drawn: ChartFigure[] = [];
	// Chart.js is most of the page's script: asked for once the page has painted, so that the text shows first.
	// Should it not load (the connection dropped, the reader left), each chart stays the table it also is.
	const drawing = painted()
		.then(() => import('./chart-drawing.ts'))
		.catch(() => {
			for (const figure of figures) {
				showView(figure, 'table');
				figure.querySelector<HTMLElement>('.chart-views')!.hidden = true;
			}
			return undefined;
		});
	const drawNow = async (figure: ChartFigure, animate = true) => {
		if (!waiting.delete(figure)) return;
		observer?.unobserve(figure);
		(await drawing)?.draw(figure, animate);
		drawn.push(figure);
	};
	// Each in a task of its own: the browser can answer the reader between two charts.
	const drawSoon = (figure: ChartFigure) => setTimeout(() => void drawNow(figure));
	const observer =
		'IntersectionObserver' in window
			? new IntersectionObserver(
					(entries) => entries.forEach((entry) => entry.isIntersecting && drawSoon(entry.target as ChartFigure)),
					// Half a screen ahead: drawn by the time the reader scrolls to it.
					{ rootMargin: '50% 0px' },
				)
			: undefined;
	for (const figure of figures) {
		// Sized at once, drawn or not, so that nothing moves when it is drawn. Through the style property, which the
		// Content-Security-Policy allows, where a style attribute in the page is refused.
		const box = figure.querySelector<HTMLElement>('.chart-canvas')!;
		box.style.height = `${Number(box.dataset.height)}px`;
		figure.querySelector<HTMLElement>('.chart-views')!.hidden = false;
		for (const button of figure.querySelectorAll<HTMLButtonElement>('[data-view]'))
			button.addEventListener('click', () => showView(figure, button.dataset.view as 'chart' | 'table'));
		showView(figure, 'chart');
		waiting.add(figure);
		if (observer) observer.observe(figure);
		else drawSoon(figure);
	}
	// Those out of reach are drawn once the page has loaded and the browser is idle, one at a time, so that printing
	// or a quick scroll never finds an empty box.
	const drawRestWhenIdle = () => {
		const [next] = waiting;
		if (!next) return;
		const idle = window.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 200));
		idle(() => {
			// Out of sight, an animation would only cost frames.
			void drawNow(next, false).then(drawRestWhenIdle);
		});
	};
	if (document.readyState === 'complete') drawRestWhenIdle();
	else addEventListener('load', drawRestWhenIdle, { once: true });
	addEventListener('beforeprint', () => [...waiting].forEach((figure) => void drawNow(figure, false)));
	const update = () => void drawing.then((loaded) => loaded && drawn.forEach(loaded.recolour));
	matchMedia('(prefers-color-scheme: dark)').addEventListener('change', update);
	new MutationObserver(update).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}
