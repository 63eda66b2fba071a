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
export function citation({ publisher, reportTitle, edition, asAt, id, title, url }: CitationParts): string {
	return `${publisher} (${asAt.slice(0, 4)}). ${id}: ${title}. In ${reportTitle}${edition ? `, ${edition}` : ''}. ${url}`;
}
