import type { FilterCounts, SearchBackend, SearchOptions } from './search-api.ts';

/**
 * The count beside each facet value: how many results the search would have with that value ticked too.
 * Values of one facet are joined by "any of", so a facet's own ticks must not narrow its counts: each facet
 * with ticks is counted by a search with the other facets' ticks only (Pagefind counts within the results,
 * which would show 0 beside every other value of a facet once one is ticked).
 */
export async function facetCounts(backend: SearchBackend, term: string | null, filters: NonNullable<SearchOptions['filters']>, narrowed: FilterCounts, all: FilterCounts): Promise<FilterCounts> {
	const counts: FilterCounts = { ...narrowed };
	await Promise.all(
		Object.keys(filters).map(async (facet) => {
			const others = Object.fromEntries(Object.entries(filters).filter(([name]) => name !== facet));
			// With no words and no other ticks, the facet counts everything.
			if (term === null && !Object.keys(others).length) return void (counts[facet] = all[facet] ?? {});
			counts[facet] = (await backend.search(term, { filters: others }))?.filters[facet] ?? {};
		}),
	);
	return counts;
}
