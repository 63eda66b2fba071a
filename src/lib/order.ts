const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** INV-2 before INV-10. */
export function compareIds(a: string, b: string): number {
	return collator.compare(a, b);
}

/** Themes and pages: by `order` when given (those first), then by title. */
export function compareByOrder(
	a: { order?: number | undefined; title: string },
	b: { order?: number | undefined; title: string },
): number {
	return (a.order ?? Infinity) - (b.order ?? Infinity) || collator.compare(a.title, b.title);
}
