import { parseExpression } from './expression.ts';
import { DEFAULT_STATE, serializeState, type TableState } from '../table/state.ts';

/**
 * The findings-table query that shows what a figure counts: `count(status=completed)` → `status=completed`,
 * `sum(allegations, theme=x)` → `theme=x&sort=allegations&dir=desc`. None for a declared figure, or for a
 * filter the table cannot show (two values of one field must both hold in an expression, either in the table).
 */
export function figureQuery(equals: string | undefined): string | undefined {
	if (!equals) return undefined;
	const parsed = parseExpression(equals);
	if (!parsed.ok) return undefined;
	const { expression } = parsed;
	const state: TableState = { ...DEFAULT_STATE, status: [], outcome: [], theme: [] };
	for (const { field, value } of expression.filter) {
		if (field === 'year') {
			if (state.from) return undefined;
			state.from = `${value}-01-01`;
			state.to = `${value}-12-31`;
		} else {
			if (state[field].length) return undefined;
			state[field] = [value];
		}
	}
	if (expression.op === 'sum') Object.assign(state, { sort: expression.metric, dir: 'desc' });
	return serializeState(state).toString();
}
