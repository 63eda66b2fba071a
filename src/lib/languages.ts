import { closest } from './edit-distance.ts';

const englishNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** A language's name in English, as the check's messages give it: `cy` → Welsh, `pt-BR` → Brazilian Portuguese. */
export const englishName = (tag: string): string => englishNames.of(tag) ?? tag;

/** A BCP 47 tag whose language is one that exists: `english` is well-formed, but no language is called that. */
export function isLanguageTag(tag: string): boolean {
	try {
		const [canonical] = Intl.getCanonicalLocales(tag);
		return Boolean(canonical && englishNames.of(new Intl.Locale(canonical).language));
	} catch {
		return false;
	}
}

/** Folded for comparing names as people type them: "Français" and "francais" are one. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim();

let known: { code: string; names: string[] }[] | undefined;

/** Every language with a two-letter code, by its English name and its own. */
function languages(): { code: string; names: string[] }[] {
	known ??= Array.from({ length: 26 * 26 }, (_, index) =>
		String.fromCharCode(97 + Math.floor(index / 26), 97 + (index % 26)),
	).flatMap((code) => {
		const english = englishNames.of(code);
		if (!english) return [];
		const own = new Intl.DisplayNames([code], { type: 'language', fallback: 'none' }).of(code);
		return [{ code, names: [english, ...(own ? [own] : [])].map(fold) }];
	});
	return known;
}

/** The tag a value written for a language most likely means: en_GB → en-GB, English → en, Cymraeg → cy. */
export function suggestLanguageTag(value: string): string | undefined {
	const dashed = value.trim().replaceAll('_', '-');
	if (isLanguageTag(dashed)) return Intl.getCanonicalLocales(dashed)[0];
	const wanted = fold(value);
	const exact = languages().find((language) => language.names.includes(wanted));
	if (exact) return exact.code;
	// A slip in a name, not a guess from two letters.
	if (wanted.length < 4) return undefined;
	const name = closest(
		wanted,
		languages().flatMap((language) => language.names),
	);
	return name && languages().find((language) => language.names.includes(name))?.code;
}

/** What is wrong with a language written in report.yaml, with the tag it most likely means. */
export function languageMessage(value: string): string {
	const suggestion = suggestLanguageTag(value);
	const example = 'a tag such as en, en-GB, cy or fr';
	return suggestion
		? `"${value}" is not a language tag; did you mean ${suggestion} (${englishNames.of(suggestion) ?? suggestion})? Write ${example}`
		: `"${value}" is not a language tag; write ${example}`;
}
