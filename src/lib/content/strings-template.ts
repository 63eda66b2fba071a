import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../display-path.ts';
import { ENGLISH, MESSAGE_KEYS, shippedCatalogue } from '../i18n/catalogues.ts';
import { isLanguageTag, languageMessage } from '../languages.ts';
import type { ScaffoldResult } from './scaffold.ts';

/** YAML's double-quoted scalars read JSON's escapes: a message keeps its quotes, braces and apostrophes. */
const quoted = (text: string) => JSON.stringify(text);

/**
 * The text of `i18n/<tag>.yaml`. For a language the project has strings for, every string is there, commented out,
 * to uncomment where the report words it otherwise; for any other, each is empty, under its English, to translate.
 */
export function stringsTemplate(tag: string): string {
	const shipped = shippedCatalogue(tag);
	const plural = new Intl.PluralRules(tag).resolvedOptions().pluralCategories.join(', ');
	const head = [
		`# The site's own words in ${tag}: headings, buttons, table headings, chart sentences, search messages.`,
		'# Each is an ICU message: keep every {argument} as it is; translate the words around them and inside',
		`# plural forms. A count needs every plural form ${tag} has: ${plural}.`,
		shipped
			? '# The project has these strings already: uncomment a line to word it otherwise for this report.'
			: '# Write each string between the quotes, under its English. The check lists those still empty.',
		'',
	];
	const lines = MESSAGE_KEYS.flatMap((key) =>
		shipped ? [`# ${key}: ${quoted(shipped[key] ?? ENGLISH[key])}`] : [`# ${ENGLISH[key]}`, `${key}: ""`, ''],
	);
	return `${[...head, ...lines].join('\n').trimEnd()}\n`;
}

/** Writes `i18n/<tag>.yaml` into a report folder; never over a file that is there. */
export function scaffoldStrings(dir: string, tag: string): ScaffoldResult {
	if (!isLanguageTag(tag)) return { ok: false, message: `${languageMessage(tag)}; nothing was written` };
	const canonical = Intl.getCanonicalLocales(tag)[0]!;
	const path = join(dir, 'i18n', `${canonical}.yaml`);
	if (existsSync(path))
		return { ok: false, message: `${displayPath(path)} already exists; nothing was written. Edit that file` };
	mkdirSync(join(dir, 'i18n'), { recursive: true });
	writeFileSync(path, stringsTemplate(canonical), { flag: 'wx' });
	return { ok: true, path };
}
