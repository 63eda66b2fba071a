import { toCsv, type Cell } from '../exports/csv.ts';
import type { EditionChanges } from './compare.ts';

/** `/data/changes.csv`: one change a row, as kind, finding, field, before, after. */
export function changesCsv(changes: EditionChanges): string {
	const rows: Cell[][] = [
		...changes.added.map(({ id }) => ['added', id, '', '', '']),
		...changes.removed.map(({ id }) => ['removed', id, '', '', '']),
		...[...changes.status, ...changes.outcome].map(({ id, field, before, after }) => [field, id, field, before, after]),
		...changes.metrics.map(({ id, field, before, after }) => ['metric', id, field, before, after]),
		...changes.recommendations.map(({ id, field, before, after }) => ['recommendation', id, field, before, after]),
		...changes.figures
			.filter((figure) => figure.before !== figure.after)
			.map(({ name, before, after }) => ['figure', '', name, before, after]),
	];
	return toCsv(['kind', 'finding', 'field', 'before', 'after'], rows);
}
