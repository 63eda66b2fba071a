import type { ChartContext, ChartData } from '../lib/charts/charts.ts';
import { overviewChartsOf, themeChartsOf } from '../lib/charts/report-charts.ts';
import { getStrings } from './strings.ts';
import { getFindings, getReport, getThemes } from './report.ts';

async function context(): Promise<ChartContext> {
	const report = await getReport();
	const themes = await getThemes();
	return {
		...report,
		messages: getStrings().messages,
		themes: themes.map((theme) => ({ id: theme.id, title: theme.data.title })),
	};
}

/** The overview's charts (see report-charts.ts, which the PDF shares). */
export async function overviewCharts(): Promise<ChartData[]> {
	return overviewChartsOf(
		(await getFindings()).map((finding) => finding.data),
		await context(),
	);
}

/** A theme page's charts. */
export async function themeCharts(themeId: string): Promise<ChartData[]> {
	return themeChartsOf(
		themeId,
		(await getFindings()).map((finding) => finding.data),
		await context(),
	);
}

export async function allCharts(): Promise<ChartData[]> {
	const themes = await getThemes();
	return [...(await overviewCharts()), ...(await Promise.all(themes.map((theme) => themeCharts(theme.id)))).flat()];
}

export { chartCsv } from '../lib/charts/charts.ts';
