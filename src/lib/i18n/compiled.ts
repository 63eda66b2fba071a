import { parse, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import type { MessageNode } from './format-ast.ts';
import type { MessageKey, Messages } from './messages.ts';

/** The strings a page's scripts need, parsed at build time, as the page carries them for `pageTranslator`. */
export interface CompiledMessages {
	language: string;
	messages: Partial<Record<MessageKey, MessageNode[]>>;
}

/** A parsed message without the source positions the parser records: only what formatting needs goes to a page. */
function strip(nodes: MessageFormatElement[]): MessageNode[] {
	return nodes.map((node) => {
		if ('options' in node)
			return {
				type: node.type,
				value: node.value,
				options: Object.fromEntries(
					Object.entries(node.options).map(([name, option]) => [name, { value: strip(option.value) }]),
				),
				...('pluralType' in node && node.pluralType === 'ordinal' && { pluralType: 'ordinal' }),
			} as MessageNode;
		if (node.type === 2)
			return { type: 2, value: node.value, style: typeof node.style === 'string' ? node.style : null };
		if (node.type === 0 || node.type === 1) return { type: node.type, value: node.value };
		if (node.type === 7) return { type: 7 };
		// Dates and times are formatted before they reach a message; tags are read as text (ignoreTag).
		throw new Error(
			`a message uses {${node.value}} in a form the site's pages cannot format; write it as {${node.value}}`,
		);
	});
}

export function compileMessages(language: string, messages: Messages, keys: readonly MessageKey[]): CompiledMessages {
	return {
		language,
		messages: Object.fromEntries(keys.map((key) => [key, strip(parse(messages[key], { ignoreTag: true }))])),
	};
}
