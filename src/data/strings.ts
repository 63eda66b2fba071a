import { contentDir } from '../lib/content/dirs.ts';
import { currentContent } from '../lib/content/current.ts';
import { direction } from '../lib/i18n/catalogues.ts';
import type { Messages, Translate } from '../lib/i18n/messages.ts';
import { translator } from '../lib/i18n/translate.ts';

/** The site's own words in the report's language, for a page to write: `t('nav.findings')`. */
export function getStrings(): { language: string; dir: 'ltr' | 'rtl'; t: Translate; messages: Messages } {
	const content = currentContent(contentDir());
	const language = content.report?.data.language ?? 'en';
	const messages = content.strings;
	return { language, dir: direction(language), t: translator(language, messages), messages };
}
