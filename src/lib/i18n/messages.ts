import type english from '../../translations/en.json';
import type { MessageValues } from './format-ast.ts';

/** The name of one interface string, as in the shipped catalogues (`src/translations/<tag>.json`). */
export type MessageKey = keyof typeof english;

/** Every interface string of one language, each an ICU message. */
export type Messages = Record<MessageKey, string>;

/** The words for one interface string in the page's language, with its values put in. */
export type Translate = (key: MessageKey, values?: MessageValues) => string;

/** What a module that writes sentences needs: the language, for dates, numbers and lists, and its strings. */
export interface Words {
	language: string;
	t: Translate;
}
