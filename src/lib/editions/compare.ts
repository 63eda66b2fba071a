import type { Snapshot, SnapshotFinding } from '../../schemas/edition.ts';

export interface FindingRef {
	id: string;
	title: string;
}

/** One change of one field between two editions: `before` or `after` is absent when there was none. */
export interface FieldChange extends FindingRef {
	field: string;
	before?: string | number | undefined;
	after?: string | number | undefined;
}

export interface FigureChange {
	name: string;
	label: string;
	before?: number | undefined;
	after?: number | undefined;
}

/** What changed from an earlier edition to a later one. */
export interface EditionChanges {
	since: { asAt: string; edition?: string | undefined; title: string };
	added: FindingRef[];
	removed: FindingRef[];
	status: FieldChange[];
	outcome: FieldChange[];
	metrics: FieldChange[];
	recommendations: FieldChange[];
	figures: FigureChange[];
}

const ref = ({ id, title }: SnapshotFinding): FindingRef => ({ id, title });

/** The same recommendation in two editions: the same text to the same body (their order may change). */
const recommendationKey = (recommendation: { text: string; to: string }) =>
	`${recommendation.to}\u0000${recommendation.text}`;

function metricChanges(before: SnapshotFinding, after: SnapshotFinding): FieldChange[] {
	const names = [...new Set([...Object.keys(before.metrics), ...Object.keys(after.metrics)])];
	return names.flatMap((metric) => {
		const was = Object.hasOwn(before.metrics, metric) ? before.metrics[metric] : undefined;
		const is = Object.hasOwn(after.metrics, metric) ? after.metrics[metric] : undefined;
		return was === is ? [] : [{ ...ref(after), field: metric, before: was, after: is }];
	});
}

function recommendationChanges(before: SnapshotFinding, after: SnapshotFinding): FieldChange[] {
	const earlier = new Map(
		before.recommendations.map((recommendation) => [recommendationKey(recommendation), recommendation]),
	);
	return after.recommendations.flatMap((recommendation) => {
		const was = earlier.get(recommendationKey(recommendation));
		if (was?.status === recommendation.status) return [];
		return [{ ...ref(after), field: recommendation.text, before: was?.status, after: recommendation.status }];
	});
}

/** Every change from `before` to `after`, findings in the order of the later edition (then the earlier one's). */
export function compareEditions(before: Snapshot, after: Snapshot): EditionChanges {
	const earlier = findingsOf(before);
	const later = findingsOf(after);
	const kept = after.findings.flatMap((finding) => {
		const was = earlier.get(finding.id);
		return was ? [[was, finding] as const] : [];
	});
	const field = (name: 'status' | 'outcome') =>
		kept.flatMap(([was, is]) =>
			was[name] === is[name] ? [] : [{ ...ref(is), field: name, before: was[name], after: is[name] }],
		);
	const figureNames = [...new Set([...Object.keys(after.figures), ...Object.keys(before.figures)])];
	return {
		since: { asAt: before.asAt, edition: before.edition, title: before.title },
		added: after.findings.filter((finding) => !earlier.has(finding.id)).map(ref),
		removed: before.findings.filter((finding) => !later.has(finding.id)).map(ref),
		status: field('status'),
		outcome: field('outcome'),
		metrics: kept.flatMap(([was, is]) => metricChanges(was, is)),
		recommendations: kept.flatMap(([was, is]) => recommendationChanges(was, is)),
		figures: figureNames.map((name) => {
			const was = Object.hasOwn(before.figures, name) ? before.figures[name] : undefined;
			const is = Object.hasOwn(after.figures, name) ? after.figures[name] : undefined;
			return { name, label: (is ?? was)!.label, before: was?.value, after: is?.value };
		}),
	};
}

/** How many changes a reader is told of, figures left out. */
export function changeCount(changes: EditionChanges): number {
	return (
		changes.added.length +
		changes.removed.length +
		changes.status.length +
		changes.outcome.length +
		changes.metrics.length +
		changes.recommendations.length
	);
}

const findingsById = new WeakMap<Snapshot, Map<string, SnapshotFinding>>();

/** A snapshot's findings by id, made once per snapshot: every finding's page asks for its history. */
function findingsOf(snapshot: Snapshot): Map<string, SnapshotFinding> {
	let byId = findingsById.get(snapshot);
	if (!byId) findingsById.set(snapshot, (byId = new Map(snapshot.findings.map((finding) => [finding.id, finding]))));
	return byId;
}

/** A finding's status and outcome as at each edition that had it, oldest first. */
export function findingHistory(
	id: string,
	editions: readonly Snapshot[],
): { asAt: string; edition?: string | undefined; status: string; outcome?: string | undefined }[] {
	return editions.flatMap((snapshot) => {
		const finding = findingsOf(snapshot).get(id);
		return finding
			? [{ asAt: snapshot.asAt, edition: snapshot.edition, status: finding.status, outcome: finding.outcome }]
			: [];
	});
}
