import { RECOMMENDATION_STATUSES, type Recommendation } from '../schemas/recommendation.ts';
import type { MessageKey } from './i18n/messages.ts';

/** The words for each status of a recommendation, in the interface catalogues. */
export const RECOMMENDATION_LABELS = {
	made: 'recommendation.made',
	accepted: 'recommendation.accepted',
	rejected: 'recommendation.rejected',
	implemented: 'recommendation.implemented',
} as const satisfies Record<Recommendation['status'], MessageKey>;

export interface RecommendationRow extends Recommendation {
	findingId: string;
	findingTitle: string;
	/** 1-based number within its finding, for references like INV-07 R2. */
	number: number;
	overdue: boolean;
}

/** Still awaiting action (made or accepted) after its due date, as at the report's date. */
export function isOverdue(recommendation: Pick<Recommendation, 'status' | 'due'>, asAt: string): boolean {
	return (
		recommendation.due !== undefined &&
		recommendation.due < asAt &&
		(recommendation.status === 'made' || recommendation.status === 'accepted')
	);
}

export function recommendationRows(
	findings: readonly { id: string; title: string; recommendations: readonly Recommendation[] }[],
	asAt: string,
): RecommendationRow[] {
	return findings.flatMap((finding) =>
		finding.recommendations.map((recommendation, index) => ({
			...recommendation,
			findingId: finding.id,
			findingTitle: finding.title,
			number: index + 1,
			overdue: isOverdue(recommendation, asAt),
		})),
	);
}

/** Recipients in order of how many recommendations they hold, each with counts per status. */
export function byRecipient(rows: readonly RecommendationRow[]) {
	const groups = Map.groupBy(rows, (row) => row.to);
	return [...groups]
		.map(([to, items]) => ({
			to,
			items,
			counts: Object.fromEntries(
				RECOMMENDATION_STATUSES.map((status) => [status, items.filter((item) => item.status === status).length]),
			) as Record<(typeof RECOMMENDATION_STATUSES)[number], number>,
			overdue: items.filter((item) => item.overdue).length,
		}))
		.sort((a, b) => b.items.length - a.items.length || a.to.localeCompare(b.to));
}
