import { chartData, openedClosedChart, type ChartContext, type ChartData } from '../lib/charts/charts.ts';
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

/** The overview: findings by status, outcome, theme and year, and each metric by theme. */
export async function overviewCharts(): Promise<ChartData[]> {
	const ctx = await context();
	const findings = (await getFindings()).map((finding) => finding.data);
	const charts = [
		chartData('findings-by-status', { by: 'status' }, findings, ctx),
		chartData('findings-by-outcome', { by: 'outcome' }, findings, ctx),
		...(ctx.themes.length ? [chartData('findings-by-theme', { by: 'theme' }, findings, ctx)] : []),
		...(ctx.themes.length
			? Object.keys(ctx.metrics).map((metric) =>
					chartData(`${metric}-by-theme`, { by: 'theme', metric }, findings, ctx),
				)
			: []),
		openedClosedChart('findings-by-year', findings, ctx),
	];
	return charts;
}

/** A theme page: its findings by status and by year. */
export async function themeCharts(themeId: string): Promise<ChartData[]> {
	const ctx = await context();
	const findings = (await getFindings())
		.map((finding) => finding.data)
		.filter((finding) => finding.themes.includes(themeId));
	const theme = ctx.themes.find((candidate) => candidate.id === themeId)?.title ?? themeId;
	// Named for their theme, so that they make sense in the list of downloads too.
	return [
		chartData(`theme-${themeId}-findings-by-status`, { by: 'status' }, findings, ctx, theme),
		openedClosedChart(`theme-${themeId}-findings-by-year`, findings, ctx, theme),
	];
}

export async function allCharts(): Promise<ChartData[]> {
	const themes = await getThemes();
	return [...(await overviewCharts()), ...(await Promise.all(themes.map((theme) => themeCharts(theme.id)))).flat()];
}

export { chartCsv } from '../lib/charts/charts.ts';
