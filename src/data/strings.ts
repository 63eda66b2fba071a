import { contentDir } from '../lib/content/dirs.ts';
import { currentContent } from '../lib/content/current.ts';
import { direction } from '../lib/i18n/catalogues.ts';
import type { Messages, Translate } from '../lib/i18n/messages.ts';
import { translator } from '../lib/i18n/translate.ts';
import { currentLanguage } from './language.ts';

/** The site's own words in the page's language, for a page to write: `t('nav.findings')`. */
export function getStrings(language = currentLanguage()): {
	language: string;
	dir: 'ltr' | 'rtl';
	t: Translate;
	messages: Messages;
} {
	const messages = currentContent(contentDir()).strings[language]!;
	return { language, dir: direction(language), t: translator(language, messages), messages };
}
