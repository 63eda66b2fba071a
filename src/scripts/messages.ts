/** The page's interface strings for its scripts, in the page's language (see src/lib/i18n/compiled.ts). */
import type { CompiledMessages } from '../lib/i18n/compiled.ts';
import { formatNodes } from '../lib/i18n/format-ast.ts';
import type { Translate } from '../lib/i18n/messages.ts';

let loaded: CompiledMessages | undefined;

function pageMessages(): CompiledMessages {
	if (loaded) return loaded;
	const merged: CompiledMessages = { language: document.documentElement.lang || 'en', messages: {} };
	for (const element of document.querySelectorAll('script[data-messages]'))
		Object.assign(merged.messages, (JSON.parse(element.textContent ?? '{}') as CompiledMessages).messages);
	return (loaded = merged);
}

/** The page's language, as its `<html lang>` says. */
export const pageLanguage = (): string => pageMessages().language;

/** Formats a string the page carries; a key it does not carry is a mistake in the page, shown as the key. */
export const t: Translate = (key, values = {}) => {
	const { language, messages } = pageMessages();
	const nodes = messages[key];
	return nodes ? formatNodes(nodes, values, language) : key;
};
