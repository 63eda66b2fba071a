/**
 * How tall a chart is drawn, decided at build time from its data, so that the stylesheet can keep its room before
 * the chart script runs (see `.chart-canvas[data-height]` in src/styles/global.css) and nothing moves as it draws.
 */

/** Bounds of a chart's height in pixels, and the step it is rounded up to: the stylesheet has one rule per step. */
export const CHART_MIN_HEIGHT = 160;
export const CHART_MAX_HEIGHT = 960;
export const CHART_HEIGHT_STEP = 40;
/** A column chart's height: its bars are capped in width instead (see src/scripts/charts.ts). */
export const COLUMN_CHART_HEIGHT = 240;

/** Long category names become several lines of at most `width` characters rather than being cut off. */
export function wrapLabel(label: string, width = 22): string[] {
	const lines: string[] = [];
	for (const word of label.split(' ')) {
		const last = lines.at(-1);
		if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
		else lines.push(word);
	}
	return lines;
}

/**
 * A bar chart's height. Horizontal bars: a row per category, as tall as its longest label's lines need (12 px type),
 * plus the axis and, with several series, the legend; within the bounds and rounded up to the step. Columns: one height.
 */
export function chartHeight(labels: string[], series: number, horizontal: boolean): number {
	if (!horizontal) return COLUMN_CHART_HEIGHT;
	const lines = Math.max(1, ...labels.map((label) => wrapLabel(label).length));
	const row = Math.max(28, lines * 14 + 8);
	const natural = labels.length * row + 40 + (series > 1 ? 28 : 0);
	const stepped = Math.ceil(natural / CHART_HEIGHT_STEP) * CHART_HEIGHT_STEP;
	return Math.min(CHART_MAX_HEIGHT, Math.max(CHART_MIN_HEIGHT, stepped));
}
