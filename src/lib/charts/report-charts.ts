import { chartData, openedClosedChart, type ChartContext, type ChartData, type ChartFinding } from './charts.ts';

/**
 * The charts of the report, decided once for the site and the PDF. The overview: findings by status, outcome, theme
 * and year, and each metric by theme.
 */
export function overviewChartsOf(findings: readonly ChartFinding[], context: ChartContext): ChartData[] {
	return [
		chartData('findings-by-status', { by: 'status' }, findings, context),
		chartData('findings-by-outcome', { by: 'outcome' }, findings, context),
		...(context.themes.length ? [chartData('findings-by-theme', { by: 'theme' }, findings, context)] : []),
		...(context.themes.length
			? Object.keys(context.metrics).map((metric) =>
					chartData(`${metric}-by-theme`, { by: 'theme', metric }, findings, context),
				)
			: []),
		openedClosedChart('findings-by-year', findings, context),
	];
}

/** A theme's page: its findings by status and by year, named for their theme so that they read alone too. */
export function themeChartsOf(themeId: string, findings: readonly ChartFinding[], context: ChartContext): ChartData[] {
	const own = findings.filter((finding) => finding.themes.includes(themeId));
	const theme = context.themes.find((candidate) => candidate.id === themeId)?.title ?? themeId;
	return [
		chartData(`theme-${themeId}-findings-by-status`, { by: 'status' }, own, context, theme),
		openedClosedChart(`theme-${themeId}-findings-by-year`, own, context, theme),
	];
}
