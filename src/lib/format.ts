import type { Words } from './i18n/messages.ts';

// Formatters are costly to create and tables format thousands of cells: one per language.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function formatNumber(value: number, language: string): string {
	let format = numberFormats.get(language);
	if (!format) numberFormats.set(language, (format = new Intl.NumberFormat(language)));
	return format.format(value);
}

/**
 * `2017-03-08` → `8 March 2017` (en-GB), or `8 Mar 2017` in the medium style that tables use.
 * Dates are calendar days, so UTC keeps them from shifting.
 */
export function formatDate(isoDate: string, language: string, style: 'long' | 'medium' = 'long'): string {
	const key = `${language} ${style}`;
	let format = dateFormats.get(key);
	if (!format)
		dateFormats.set(key, (format = new Intl.DateTimeFormat(language, { dateStyle: style, timeZone: 'UTC' })));
	return format.format(new Date(`${isoDate}T00:00:00Z`));
}

/** Whole days from one `YYYY-MM-DD` date to another. */
export function daysBetween(from: string, to: string): number {
	return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `1 finding`, `3 findings`: English plurals for the command line. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
	return `${n} ${n === 1 ? singular : plural}`;
}

/** File sizes as a reader expects them next to a download link: 812 bytes, 14.2 KB, 1.3 MB. */
export function formatBytes(bytes: number, { language, t }: Words): string {
	if (bytes < 1000) return t('data.bytes', { size: bytes });
	const size = new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(
		bytes < 1_000_000 ? bytes / 1000 : bytes / 1_000_000,
	);
	return t(bytes < 1_000_000 ? 'data.kilobytes' : 'data.megabytes', { size });
}
