/**
 * Lookups by names that come from the content (statuses, outcomes, metrics, figures, theme ids) or from a reader
 * (facet values, URL parameters). A plain object answers `constructor` or `toString` from its prototype, and
 * ignores an assignment to `__proto__`: these helpers see own properties only, or make objects with no prototype.
 */

/** The value of a map's own property `key`, or undefined: never one inherited from Object.prototype. */
export function own<T>(map: Readonly<Record<string, T>> | undefined, key: string): T | undefined {
	return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** An empty object without a prototype: any text, `__proto__` included, can be a key of it. */
export function dictionary<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}
