import type { Translate } from '../i18n/messages.ts';

export interface CitationParts {
	publisher: string;
	reportTitle: string;
	edition?: string | undefined;
	asAt: string;
	id: string;
	title: string;
	url: string;
}

/** One line a reader can paste into a letter, a story or a committee paper. */
export function citation(
	t: Translate,
	{ publisher, reportTitle, edition, asAt, id, title, url }: CitationParts,
): string {
	const values = { publisher, year: asAt.slice(0, 4), id, title, report: reportTitle, address: url };
	return edition ? t('finding.citationEdition', { ...values, edition }) : t('finding.citation', values);
}
