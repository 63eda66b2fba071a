import { inEveryLanguage } from '../../../../data/language.ts';
import type { APIRoute } from 'astro';
import { allCharts, chartCsv } from '../../../../data/charts.ts';
import type { ChartData } from '../../../../lib/charts/charts.ts';

export function getStaticPaths() {
	return inEveryLanguage(async () =>
		(await allCharts()).map((chart) => ({ params: { name: chart.name }, props: { chart } })),
	);
}

export const GET: APIRoute = ({ props }) =>
	new Response(chartCsv((props as { chart: ChartData }).chart), {
		headers: { 'content-type': 'text/csv; charset=utf-8' },
	});
