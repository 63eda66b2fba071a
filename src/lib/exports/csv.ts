export type Cell = string | number | boolean | null | undefined;

/**
 * Spreadsheets run a cell that starts with = + - @ as a formula; a leading apostrophe keeps such text
 * as text. Numbers are left alone.
 */
function escapeCell(cell: Cell): string {
	if (cell === null || cell === undefined) return '';
	let text = String(cell);
	if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text) && !/^-?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** RFC 4180 CSV with CRLF line endings and a UTF-8 byte-order mark, so that spreadsheets read accents right. */
export function toCsv(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
	return `\uFEFF${[header, ...rows].map((row) => row.map(escapeCell).join(',')).join('\r\n')}\r\n`;
}
