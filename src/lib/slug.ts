import transliterate from '@sindresorhus/slugify';

/**
 * `Leadership & culture (2017)` → `leadership-and-culture-2017`, `Straße` → `strasse`, `Оценка` → `otsenka`: file
 * names that work in every URL and on every disk. Transliterated by @sindresorhus/slugify, so that titles in other
 * scripts give a name, not an empty one.
 */
export function slugify(title: string, maxLength = 60): string {
	return transliterate(title).slice(0, maxLength).replace(/-+$/, '');
}

/** The report's short name for file names: its `shortName`, or else the start of its title. */
export function reportSlug(report: { shortName?: string | undefined; title: string }): string {
	return report.shortName ?? (slugify(report.title, 40) || 'report');
}

/** The offline edition's name: the folder it unzips to, and with `.zip`, its download under `data/`. */
export function offlineEditionName(report: { shortName?: string | undefined; title: string }): string {
	return `${reportSlug(report)}-offline`;
}
