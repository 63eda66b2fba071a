export function formatNumber(value: number, language: string): string {
	return new Intl.NumberFormat(language).format(value);
}

/** `2017-03-08` → `8 March 2017` (en-GB); dates are calendar days, so UTC keeps them from shifting. */
export function formatDate(isoDate: string, language: string): string {
	return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** Whole days from one `YYYY-MM-DD` date to another. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `1 finding`, `3 findings`: English plurals for the command line and the site's own labels. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}
