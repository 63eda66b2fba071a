import { IntlMessageFormat } from 'intl-messageformat';
import type { MessageValues } from './format-ast.ts';
import type { MessageKey, Messages, Translate } from './messages.ts';

// One formatter per message and language: a page of 10,000 findings asks for the same few strings many times.
const formatters = new WeakMap<Messages, Map<string, IntlMessageFormat>>();

/** Formats the strings of one language: `t('findings.count', { count: 3 })` → "3 findings". */
export function translator(language: string, messages: Messages): Translate {
	let cache = formatters.get(messages);
	if (!cache) formatters.set(messages, (cache = new Map()));
	const made = cache;
	return (key: MessageKey, values?: MessageValues) => {
		const id = `${language} ${key}`;
		let format = made.get(id);
		if (!format) {
			format = new IntlMessageFormat(messages[key], language, undefined, { ignoreTag: true });
			made.set(id, format);
		}
		return String(format.format(values));
	};
}
