import type { ChartData } from '../charts/charts.ts';
import { formatNumber } from '../format.ts';
import { block, str, text } from './typst.ts';

type ChartWords = Pick<ChartData, 'title' | 'summary' | 'category' | 'series' | 'rows'>;

const COLOURS = ['rgb("#1d5fa8")', 'rgb("#b35900")'];

/**
 * A chart as a vector figure drawn from the same data as the site's: a bar per category and series, each bar's
 * width its share of the largest, with the figure's alt text its one-sentence summary; then its table. Neither is
 * cut across a page.
 */
export function chartFigure(chart: ChartWords, language: string): string {
	const largest = Math.max(1, ...chart.rows.flatMap((row) => row.values));
	const number = (value: number) => formatNumber(value, language);
	const bars = chart.rows.flatMap((row) => [
		block(text(row.label)),
		`stack(spacing: 2pt, ${row.values
			.map(
				(value, index) =>
					`box(width: ${((value / largest) * 100).toFixed(2)}%, height: 0.8em, fill: ${COLOURS[index % COLOURS.length]})`,
			)
			.join(', ')})`,
		block(text(row.values.map(number).join(' / '))),
	]);
	const figure = `#figure(kind: image, numbering: none, alt: ${str(chart.summary || chart.title)}, caption: ${block(
		`${call('strong', chart.title)} ${text(chart.summary)}`,
	)}, grid(columns: (auto, 1fr, auto), column-gutter: 0.6em, row-gutter: 0.4em, align: (end + horizon, start + horizon, end + horizon), ${bars.join(', ')}));`;
	return `#block(breakable: false)[${figure}]\n\n${dataTable(chart, language)}\n\n`;
}

const call = (name: string, value: string) => `#${name}(${str(value)});`;

/** A chart's numbers as a table with header cells: what a reader of the PDF, or a screen reader, reads. */
export function dataTable(chart: ChartWords, language: string): string {
	const head = [chart.category, ...chart.series].map((cell) => block(text(cell)));
	const rows = chart.rows.flatMap((row) => [
		block(text(row.label)),
		...row.values.map((value) => block(text(formatNumber(value, language)))),
	]);
	return `#table(columns: ${head.length}, align: (left,) + (right,) * ${head.length - 1}, table.header(${head.join(', ')}), ${rows.join(', ')});`;
}
