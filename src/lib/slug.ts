/** `Leadership & culture (2017)` → `leadership-culture-2017`: file names that work in every URL and on every disk. */
export function slugify(title: string, maxLength = 60): string {
	return title
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, maxLength)
		.replace(/-+$/, '');
}

/** The report's short name for file names: its `shortName`, or else the start of its title. */
export function reportSlug(report: { shortName?: string | undefined; title: string }): string {
	return report.shortName ?? (slugify(report.title, 40) || 'report');
}

/** The offline edition's name: the folder it unzips to, and with `.zip`, its download under `data/`. */
export function offlineEditionName(report: { shortName?: string | undefined; title: string }): string {
	return `${reportSlug(report)}-offline`;
}
