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
