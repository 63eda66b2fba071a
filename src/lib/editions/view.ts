import type { Snapshot } from '../../schemas/edition.ts';
import type { EditionChanges, FieldChange } from './compare.ts';
import { formatNumber } from '../format.ts';
import type { Words } from '../i18n/messages.ts';
import { RECOMMENDATION_LABELS } from '../recommendations.ts';

export interface ChangeRow {
	id: string;
	title: string;
	/** What changed, as a reader reads it: the metric's label, the recommendation's text. */
	what: string;
	before: string;
	after: string;
}

export interface ChangesView {
	since: EditionChanges['since'];
	added: { id: string; title: string }[];
	removed: { id: string; title: string }[];
	status: ChangeRow[];
	outcome: ChangeRow[];
	metrics: ChangeRow[];
	recommendations: ChangeRow[];
	figures: { label: string; before: number | undefined; after: number | undefined; change: number | undefined }[];
}

type Labels = Snapshot['statuses'];

/** A key's label in the later edition, else in the earlier one (a status may have been renamed or dropped). */
function labelIn(key: string | number | undefined, later: Labels, earlier: Labels): string {
	if (key === undefined) return '—';
	const name = String(key);
	if (Object.hasOwn(later, name)) return later[name]!.label;
	if (Object.hasOwn(earlier, name)) return earlier[name]!.label;
	return name;
}

/**
 * The changes between two editions with every key turned into what a reader reads: labels for statuses, outcomes
 * and metrics from the later edition (or the earlier one), numbers formatted, absent values as a dash.
 */
export function changesView(
	changes: EditionChanges,
	earlier: Snapshot,
	later: Snapshot,
	{ language, t }: Words,
): ChangesView {
	const number = (value: number) => formatNumber(value, language);
	const recommendationStatus = (status: string | number | undefined) =>
		status === undefined
			? t('changes.newRecommendation')
			: Object.hasOwn(RECOMMENDATION_LABELS, String(status))
				? t(RECOMMENDATION_LABELS[String(status) as keyof typeof RECOMMENDATION_LABELS])
				: String(status);
	const value = (item: string | number | undefined) =>
		item === undefined ? '—' : typeof item === 'number' ? number(item) : item;
	const rows = (
		list: FieldChange[],
		what: (change: FieldChange) => string,
		shown: (item: string | number | undefined) => string,
	) =>
		list.map((change) => ({
			id: change.id,
			title: change.title,
			what: what(change),
			before: shown(change.before),
			after: shown(change.after),
		}));
	return {
		since: changes.since,
		added: changes.added,
		removed: changes.removed,
		status: rows(
			changes.status,
			() => t('changes.status'),
			(key) => labelIn(key, later.statuses, earlier.statuses),
		),
		outcome: rows(
			changes.outcome,
			() => t('changes.outcome'),
			(key) => labelIn(key, later.outcomes, earlier.outcomes),
		),
		metrics: rows(changes.metrics, (change) => labelIn(change.field, later.metrics, earlier.metrics), value),
		recommendations: rows(changes.recommendations, (change) => change.field, recommendationStatus),
		figures: changes.figures.map(({ label, before, after }) => ({
			label,
			before,
			after,
			change: before !== undefined && after !== undefined ? after - before : undefined,
		})),
	};
}
