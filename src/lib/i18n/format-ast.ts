/**
 * ICU messages as the browser formats them: from the trees the build parsed (see compiled.ts), with `Intl` alone, so
 * that a page's scripts say what the build would without shipping a message parser. It covers what the catalogues
 * use (arguments, numbers, plurals and selects); test/unit/i18n.test.ts holds it to intl-messageformat's answers.
 */

/** A parsed message, as `@formatjs/icu-messageformat-parser` writes it, reduced to what crosses into a page. */
export type MessageNode = TextNode | ArgumentNode | PoundNode | NumberNode | SelectNode | PluralNode;
type TextNode = { type: 0; value: string };
type ArgumentNode = { type: 1; value: string };
type PoundNode = { type: 7 };
type NumberNode = { type: 2; value: string; style?: string | null };
type Options = Record<string, { value: MessageNode[] }>;
type SelectNode = { type: 5; value: string; options: Options };
type PluralNode = { type: 6; value: string; options: Options; pluralType?: 'cardinal' | 'ordinal' };

export type MessageValues = Record<string, string | number>;

const numbers = new Map<string, Intl.NumberFormat>();
const plurals = new Map<string, Intl.PluralRules>();

function cached<T>(map: Map<string, T>, key: string, make: () => T): T {
	let value = map.get(key);
	if (!value) map.set(key, (value = make()));
	return value;
}

function formatNumber(value: number, language: string, style?: string | null): string {
	const options: Intl.NumberFormatOptions =
		style === 'percent' ? { style: 'percent' } : style === 'integer' ? { maximumFractionDigits: 0 } : {};
	return cached(numbers, `${language} ${style ?? ''}`, () => new Intl.NumberFormat(language, options)).format(value);
}

function pluralOption(node: PluralNode, value: number, language: string): MessageNode[] | undefined {
	const exact = node.options[`=${value}`];
	if (exact) return exact.value;
	const type = node.pluralType ?? 'cardinal';
	const rules = cached(plurals, `${language} ${type}`, () => new Intl.PluralRules(language, { type }));
	return (node.options[rules.select(value)] ?? node.options.other)?.value;
}

/** The text of a message tree for these values; `count` is the number a `#` stands for inside a plural. */
export function formatNodes(
	nodes: readonly MessageNode[],
	values: MessageValues,
	language: string,
	count?: number,
): string {
	let text = '';
	for (const node of nodes) {
		if (node.type === 0) text += node.value;
		else if (node.type === 7) text += count === undefined ? '#' : formatNumber(count, language);
		// A plain {argument} is written as given, as intl-messageformat does; {n, number} is formatted.
		else if (node.type === 1) text += String(values[node.value] ?? '');
		else if (node.type === 2) text += formatNumber(Number(values[node.value]), language, node.style);
		else if (node.type === 6) {
			const value = Number(values[node.value]);
			text += formatNodes(pluralOption(node, value, language) ?? [], values, language, value);
		} else {
			const chosen = node.options[String(values[node.value])] ?? node.options.other;
			text += formatNodes(chosen?.value ?? [], values, language, count);
		}
	}
	return text;
}
