import { ENGLISH, SHIPPED } from '../../src/lib/i18n/catalogues.ts';
import type { Messages, Words } from '../../src/lib/i18n/messages.ts';
import { translator } from '../../src/lib/i18n/translate.ts';

/** The site's words in a shipped language, as the build has them: `wordsIn('cy')`. */
export function wordsIn(language: string): Words {
	const messages = { ...ENGLISH, ...SHIPPED[new Intl.Locale(language).language] } as Messages;
	return { language, t: translator(language, messages) };
}

export const english = wordsIn('en-GB');
