/** Draws a chart with Chart.js: loaded only once the page has painted (see charts.ts). */
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

export type ChartFigure = HTMLElement & { chart?: Chart<'bar'> };

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

export function draw(figure: ChartFigure, animate: boolean): void {
	const payload = JSON.parse(figure.querySelector('script[type="application/json"]')!.textContent!) as Payload;
	const canvas = figure.querySelector('canvas')!;
	const { text, grid, series } = colours();
	const reduceMotion = matchMedia('(prefers-reduced-motion: reduce)').matches;
	// A right-to-left page reads its charts from the right: categories start there, and the value axis stands there.
	const rtl = document.documentElement.dir === 'rtl';
	const direction = { rtl, textDirection: rtl ? 'rtl' : 'ltr' } as const;
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
			// Numbers on the axes and in tooltips as the page writes them.
			locale: document.documentElement.lang || undefined,
			maintainAspectRatio: false,
			animation: reduceMotion || !animate ? false : { duration: 400 },
			color: text,
			plugins: {
				legend: { display: payload.series.length > 1, labels: { color: text }, ...direction },
				tooltip: direction,
			},
			scales: {
				// Every category keeps its label, even on a phone: an unlabelled bar tells the reader nothing.
				x: {
					reverse: rtl,
					ticks: { color: text, precision: 0, autoSkip: payload.horizontal },
					grid: { color: grid },
				},
				y: {
					position: rtl ? 'right' : 'left',
					ticks: { color: text, precision: 0, autoSkip: !payload.horizontal },
					grid: { color: grid },
				},
			},
		},
	});
}

export function recolour(figure: ChartFigure): void {
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
