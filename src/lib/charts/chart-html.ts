import type { ChartData } from './charts.ts';
import { chartHeight } from './chart-size.ts';
import { formatNumber } from '../format.ts';
import type { Messages } from '../i18n/messages.ts';
import { translator } from '../i18n/translate.ts';
import { scriptJson } from '../script-json.ts';
import { escapeHtml } from '../table/render.ts';

/**
 * A chart as the contract's `<figure data-chart>`: caption, summary, switch, canvas and the table with the
 * same numbers, which is all a reader without JavaScript gets. Used by the overview's and themes' charts
 * and by `::chart` in Markdown alike; the browser script draws it.
 */
export function chartHtml(chart: ChartData, words: { language: string; messages: Messages }, csvHref: string): string {
	const { language } = words;
	const t = translator(language, words.messages);
	// Sized to its data (see chart-size.ts). An attribute, not a style: the pages' Content-Security-Policy allows no
	// inline style, so the stylesheet keeps that room with a rule per height, and the chart script sizes the box too.
	const height = chartHeight(
		chart.rows.map((row) => row.label),
		chart.series.length,
		chart.horizontal,
	);
	const payload = {
		series: chart.series,
		labels: chart.rows.map((row) => row.label),
		values: chart.rows.map((row) => row.values),
		horizontal: chart.horizontal,
	};
	const head = `<tr><th scope="col">${escapeHtml(chart.category)}</th>${chart.series.map((series) => `<th scope="col" class="num">${escapeHtml(series)}</th>`).join('')}</tr>`;
	const body = chart.rows
		.map(
			(row) =>
				`<tr><th scope="row">${escapeHtml(row.label)}</th>${row.values.map((value) => `<td class="num">${formatNumber(value, language)}</td>`).join('')}</tr>`,
		)
		.join('');
	return `<figure class="chart" data-chart="${escapeHtml(chart.name)}">
<figcaption><span class="chart-title">${escapeHtml(chart.title)}</span> <span class="chart-summary">${escapeHtml(chart.summary)}</span></figcaption>
<div class="chart-views" role="group" aria-label="${escapeHtml(t('chart.showAs', { title: chart.title }))}" hidden><button type="button" data-view="chart" aria-pressed="true">${escapeHtml(t('chart.chart'))}</button><button type="button" data-view="table" aria-pressed="false">${escapeHtml(t('chart.table'))}</button></div>
<div class="chart-canvas" data-height="${height}" hidden><canvas role="img" aria-label="${escapeHtml(`${chart.title}. ${chart.summary}`)}"></canvas></div>
<div class="chart-table"><table><thead>${head}</thead><tbody>${body}</tbody></table></div>
<p class="chart-download"><a href="${escapeHtml(csvHref)}" download="${escapeHtml(chart.name)}.csv">${escapeHtml(t('chart.download'))}</a></p>
<script type="application/json">${scriptJson(payload)}</script>
</figure>`;
}
