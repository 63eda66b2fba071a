import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../display-path.ts';
import { closest } from '../edit-distance.ts';
import { englishName } from '../languages.ts';
import { ENGLISH, MESSAGE_KEYS, shippedCatalogue } from '../i18n/catalogues.ts';
import { messageProblems } from '../i18n/check-message.ts';
import type { MessageKey, Messages } from '../i18n/messages.ts';
import type { Problem } from '../problems.ts';
import type { SourceLines } from './source-lines.ts';
import { parseYaml } from './yaml.ts';

/** `i18n/fr.yaml`, then `i18n/fr-CA.yaml` for a report in fr-CA: the nearer the tag, the later it is read. */
function stringFiles(dir: string, language: string): string[] {
	const base = new Intl.Locale(language).language;
	return [...new Set([base, language])].map((tag) => join(dir, 'i18n', `${tag}.yaml`)).filter(existsSync);
}

/** One report's strings file: its messages, each checked against the English it replaces. */
function readStrings(path: string, language: string, problems: Problem[]): Partial<Messages> {
	const file = displayPath(path);
	const source = parseYaml(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
	const at = (line: number, field: string, message: string) => problems.push({ file, line, field, message });
	if (source.errors.length) {
		for (const { line, message, explained } of source.errors)
			at(line, 'yaml', explained ? message : `${message}; fix the YAML syntax`);
		return {};
	}
	if (source.data === null || source.data === undefined) return {};
	if (typeof source.data !== 'object' || Array.isArray(source.data)) {
		at(1, 'file', 'write one interface string a line, as key: "words", e.g. site.skip: "Aller au contenu"');
		return {};
	}
	const messages: Partial<Messages> = {};
	for (const [key, value] of Object.entries(source.data)) {
		const line = source.lineOf([key]);
		if (!Object.hasOwn(ENGLISH, key)) {
			const near = closest(key, MESSAGE_KEYS);
			at(
				line,
				key,
				near
					? `is not an interface string; did you mean ${near}?`
					: `is not an interface string; the file \`npm run new -- strings ${language}\` writes lists every one`,
			);
			continue;
		}
		// An empty value is a string not translated yet, as `npm run new -- strings` leaves them.
		if (value === '' || value === null) continue;
		if (typeof value !== 'string') {
			at(line, key, 'write the words in quotes, as text');
			continue;
		}
		const english = ENGLISH[key as MessageKey];
		const wrong = messageProblems(value, english, language);
		for (const message of wrong) at(line, key, message);
		if (!wrong.length) messages[key as MessageKey] = value;
	}
	return messages;
}

/**
 * The interface strings of a report in each of its languages: those the project ships, with the report's own
 * (`i18n/<tag>.yaml`) over them. A language the project has no strings for needs every one from the report; the
 * problem names those missing and the file to write. Gaps are filled in English, so that what a check refused
 * still reads, in `npm run dev`.
 */
export function loadStrings(
	dir: string,
	report: { file: string; data: { language: string; translations: readonly string[] } } | undefined,
	lines: SourceLines,
	problems: Problem[],
): Record<string, Messages> {
	if (!report) return { en: ENGLISH };
	const { language, translations } = report.data;
	return Object.fromEntries(
		[language, ...translations].map((tag, index) => [
			tag,
			stringsIn(dir, tag, problems, () =>
				index === 0
					? lines.at(report, ['language'], 'language', '')
					: lines.at(report, ['translations', index - 1], `translations[${index - 1}]`, ''),
			),
		]),
	);
}

function stringsIn(dir: string, language: string, problems: Problem[], where: () => Problem): Messages {
	const shipped = shippedCatalogue(language);
	const files = stringFiles(dir, language);
	const own = Object.assign({}, ...files.map((path) => readStrings(path, language, problems))) as Partial<Messages>;
	const messages = { ...ENGLISH, ...shipped, ...own };
	if (shipped) return messages;
	const missing = MESSAGE_KEYS.filter((key) => !Object.hasOwn(own, key));
	const target = displayPath(join(dir, 'i18n', `${language}.yaml`));
	const name = `${language} (${englishName(language)})`;
	if (missing.length && !files.length)
		problems.push({
			...where(),
			message: `the project has no interface strings for ${name}; write them in ${target}: \`npm run new -- strings ${language} --report ${displayPath(dir)}\` makes it, with the English of each to translate`,
		});
	else if (missing.length)
		problems.push({
			file: displayPath(files.at(-1)!),
			line: 1,
			field: 'strings',
			message: `${missing.length} of the ${MESSAGE_KEYS.length} interface strings for ${name} are not written yet: ${missing.slice(0, 8).join(', ')}${missing.length > 8 ? ', …' : ''}; the site needs every one`,
		});
	return messages;
}
