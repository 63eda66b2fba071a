import { formatDate, formatNumber } from '../format.ts';
import { own } from '../own.ts';
import type { TableRow } from './state.ts';

/** What a row needs besides its data: labels, the language, and the site's base path. */
export interface RowContext {
	statuses: Record<string, string>;
	outcomes: Record<string, string>;
	language: string;
	base: string;
	/** Appended to page links: `index.html` in the offline edition, where a folder's address lists the folder. */
	pageFile?: string;
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (char) => ENTITIES[char]!);
}

/**
 * One row of a findings table as HTML. The build writes the no-JavaScript table with it and the browser
 * redraws the filtered table with it, so the two cannot drift apart.
 */
export function rowHtml(row: TableRow, context: RowContext): string {
	const cell = (text: string, className = '') => `<td${className ? ` class="${className}"` : ''}>${text}</td>`;
	const date = (iso: string) =>
		iso ? `<time datetime="${iso}">${formatDate(iso, context.language, 'medium')}</time>` : '—';
	return [
		'<tr>',
		cell(
			`<a href="${escapeHtml(`${context.base}findings/${encodeURIComponent(row.id)}/${context.pageFile ?? ''}`)}">${escapeHtml(row.id)}</a>`,
			'id',
		),
		cell(escapeHtml(row.title), 'title'),
		cell(escapeHtml(own(context.statuses, row.status) ?? row.status)),
		cell(row.outcome ? escapeHtml(own(context.outcomes, row.outcome) ?? row.outcome) : '—'),
		cell(date(row.opened)),
		cell(date(row.closed)),
		...row.metrics.map((value) => cell(value === null ? '—' : formatNumber(value, context.language), 'num')),
		'</tr>',
	].join('');
}
