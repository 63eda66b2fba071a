import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { wrapLabel } from '../lib/charts/chart-size.ts';

// Only what bar charts use: the rest of Chart.js stays out of the bundle.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

interface Payload {
	series: string[];
	labels: string[];
	values: number[][];
	horizontal: boolean;
}

type ChartFigure = HTMLElement & { chart?: Chart<'bar'> };

let probe: HTMLElement | undefined;

/**
 * Colours come from the stylesheet's custom properties, so the charts follow the light or dark theme.
 * They are written with light-dark(), which only a computed colour resolves.
 */
function colours() {
	probe ??= document.body.appendChild(Object.assign(document.createElement('span'), { hidden: true }));
	const read = (name: string) => {
		probe!.style.color = `var(${name})`;
		return getComputedStyle(probe!).color;
	};
	return { text: read('--fg'), grid: read('--line'), series: [read('--series-1'), read('--series-2')] };
}

function draw(figure: ChartFigure, animate: boolean): void {
	const payload = JSON.parse(figure.querySelector('script[type="application/json"]')!.textContent!) as Payload;
	const canvas = figure.querySelector('canvas')!;
	const { text, grid, series } = colours();
	const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
	figure.chart = new Chart(canvas, {
		type: 'bar',
		data: {
			labels: payload.labels.map((label) => wrapLabel(label)),
			datasets: payload.series.map((label, index) => ({
				label,
				data: payload.values.map((row) => row[index]!),
				backgroundColor: series[index % series.length],
				// Bars no fatter than the data needs: two columns do not fill a wide chart as two slabs.
				maxBarThickness: payload.horizontal ? 28 : 56,
			})),
		},
		options: {
			indexAxis: payload.horizontal ? 'y' : 'x',
			maintainAspectRatio: false,
			animation: reduceMotion || !animate ? false : { duration: 400 },
			color: text,
			plugins: { legend: { display: payload.series.length > 1, labels: { color: text } } },
			scales: {
				// Every category keeps its label, even on a phone: an unlabelled bar tells the reader nothing.
				x: { ticks: { color: text, precision: 0, autoSkip: payload.horizontal }, grid: { color: grid } },
				y: { ticks: { color: text, precision: 0, autoSkip: !payload.horizontal }, grid: { color: grid } },
			},
		},
	});
}

function recolour(figure: ChartFigure): void {
	const chart = figure.chart;
	if (!chart) return;
	const { text, grid, series } = colours();
	chart.data.datasets.forEach((dataset, index) => (dataset.backgroundColor = series[index % series.length]));
	chart.options.color = text;
	for (const axis of ['x', 'y'] as const) {
		const scale = chart.options.scales?.[axis];
		if (scale?.ticks) scale.ticks.color = text;
		if (scale?.grid) scale.grid.color = grid;
	}
	if (chart.options.plugins?.legend?.labels) chart.options.plugins.legend.labels.color = text;
	chart.update('none');
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
	const drawNow = (figure: ChartFigure, animate = true) => {
		if (!waiting.delete(figure)) return;
		observer?.unobserve(figure);
		draw(figure, animate);
		drawn.push(figure);
	};
	// Each in a task of its own: the browser can answer the reader between two charts.
	const drawSoon = (figure: ChartFigure) => setTimeout(() => drawNow(figure));
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
			drawNow(next, false);
			drawRestWhenIdle();
		});
	};
	if (document.readyState === 'complete') drawRestWhenIdle();
	else addEventListener('load', drawRestWhenIdle, { once: true });
	addEventListener('beforeprint', () => [...waiting].forEach((figure) => drawNow(figure, false)));
	const update = () => drawn.forEach(recolour);
	matchMedia('(prefers-color-scheme: dark)').addEventListener('change', update);
	new MutationObserver(update).observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
}
