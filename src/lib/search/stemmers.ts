/**
 * The Snowball stemmer for a report's language, by the language tag's first part, as `@orama/stemmers`
 * names it. Pagefind stems the same languages with Snowball too; a language missing here is matched as written.
 */
const STEMMERS: Record<string, string> = {
	ar: 'arabic',
	bg: 'bulgarian',
	da: 'danish',
	de: 'german',
	el: 'greek',
	en: 'english',
	es: 'spanish',
	fi: 'finnish',
	fr: 'french',
	ga: 'irish',
	hu: 'hungarian',
	hy: 'armenian',
	id: 'indonesian',
	it: 'italian',
	lt: 'lithuanian',
	nb: 'norwegian',
	ne: 'nepali',
	nl: 'dutch',
	nn: 'norwegian',
	no: 'norwegian',
	pt: 'portuguese',
	ro: 'romanian',
	ru: 'russian',
	sr: 'serbian',
	sv: 'swedish',
	ta: 'tamil',
	tr: 'turkish',
	uk: 'ukrainian',
};

/** `en-GB` → `@orama/stemmers/english`; undefined for a language without a stemmer, such as Welsh. */
export function stemmerModule(language: string): string | undefined {
	const name = STEMMERS[language.split('-')[0]!.toLowerCase()];
	return name && `@orama/stemmers/${name}`;
}
