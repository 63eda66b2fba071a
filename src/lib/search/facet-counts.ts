import { dictionary, own } from '../own.ts';
import type { FilterCounts, SearchBackend, SearchOptions } from './api.ts';

/** Counts copied into objects without a prototype, so that `counts[facet][value]` is a count for any label, `toString` included. */
function ownCounts(counts: FilterCounts | undefined): FilterCounts {
	const copy = dictionary<Record<string, number>>();
	for (const [facet, values] of Object.entries(counts ?? {})) copy[facet] = Object.assign(dictionary<number>(), values);
	return copy;
}

/**
 * The count beside each facet value: how many results the search would have with that value ticked too.
 * Values of one facet are joined by "any of", so a facet's own ticks must not narrow its counts: each facet
 * with ticks is counted by a search with the other facets' ticks only (Pagefind counts within the results,
 * which would show 0 beside every other value of a facet once one is ticked).
 * Facet values are labels an author wrote and facet names come from the URL: every lookup is of own properties,
 * and the counts returned have no prototype, whichever engine counted them.
 */
export async function facetCounts(
	backend: SearchBackend,
	term: string | null,
	filters: NonNullable<SearchOptions['filters']>,
	narrowed: FilterCounts,
	all: FilterCounts,
): Promise<FilterCounts> {
	const counts = ownCounts(narrowed);
	await Promise.all(
		Object.keys(filters).map(async (facet) => {
			const others = Object.fromEntries(Object.entries(filters).filter(([name]) => name !== facet));
			// With no words and no other ticks, the facet counts everything.
			const found =
				term === null && !Object.keys(others).length ? all : (await backend.search(term, { filters: others }))?.filters;
			counts[facet] = Object.assign(dictionary<number>(), own(found, facet));
		}),
	);
	return counts;
}
