/**
 * Typst source, written a node at a time: every piece of text from a report reaches Typst as a string literal,
 * never as markup, so no character of it can open a function, a heading, a comment or a link.
 */

/** A Typst string literal: `"A \"quote\""`; line breaks and other control characters as escapes. */
export function str(text: string): string {
	let literal = '"';
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (char === '\\' || char === '"') literal += `\\${char}`;
		else if (char === '\n') literal += '\\n';
		else if (char === '\t') literal += '\\t';
		else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) literal += `\\u{${code.toString(16)}}`;
		else literal += char;
	}
	return `${literal}"`;
}

/** Text in markup: the string, closed by `;` so that nothing after it is read as part of the expression. */
export const text = (value: string): string => (value ? `#${str(value)};` : '');

/** Markup as a content block: `[…]`. */
export const block = (markup: string): string => `[${markup}]`;

/** A function call in markup: `#heading(level: 2, …)[…]`, with its named arguments already written as Typst. */
export function call(name: string, named: Record<string, string | undefined> = {}, ...bodies: string[]): string {
	const args = Object.entries(named)
		.filter(([, value]) => value !== undefined)
		.map(([key, value]) => `${key}: ${value}`);
	return `#${name}(${args.join(', ')})${bodies.map(block).join('')}`;
}
