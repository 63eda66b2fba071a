import { evaluate, type Countable } from '../figures/expression.ts';

/** Findings per theme id, through the same expression evaluation as figures and charts. */
export function countByTheme(findings: readonly Countable[], themeIds: readonly string[]): Record<string, number> {
	return Object.fromEntries(
		themeIds.map((id) => [id, evaluate({ op: 'count', filter: [{ field: 'theme', value: id }] }, findings)]),
	);
}
