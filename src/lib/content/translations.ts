import type { Problem } from '../problems.ts';
import { isLanguageTag } from '../languages.ts';

/** A translation file: `findings/2015/INV-07.en.md` is INV-07.md's, in English. */
export interface TranslationName {
	language: string;
	/** The original's path in its collection folder, e.g. `2015/INV-07.md`. */
	original: string;
}

/** What each kind of file shares with its translations: set in the original, refused in a translation. */
export const FACTS = {
	finding: ['id', 'status', 'outcome', 'opened', 'closed', 'themes', 'metrics', 'related', 'tags', 'draft'],
	theme: ['order'],
	page: ['order'],
	report: ['shortName', 'asAt', 'language', 'site', 'translations'],
} as const;

/**
 * The language a file is a translation into, by the tag before its `.md`: `INV-07.cy.md`. A last part that is no
 * language (`PA-4.draft.md`, `2015.12.md`) leaves it an original.
 */
export function translationName(relativePath: string): TranslationName | undefined {
	const match = /^(.*)\.([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.md$/i.exec(relativePath);
	if (!match || !isLanguageTag(match[2]!)) return undefined;
	return { language: Intl.getCanonicalLocales(match[2]!)[0]!, original: `${match[1]}.md` };
}

/** `findings/2015/INV-07.md` → `findings/2015/INV-07.en.md`: where a translation of a file belongs. */
export function translationPath(file: string, language: string): string {
	return file.replace(/\.md$/i, `.${language}.md`);
}

/** A translation's keys that are facts: each a problem saying where to set it. */
export function factProblems(
	raw: Record<string, unknown>,
	kind: keyof typeof FACTS,
	at: { file: string; original: string; lineOf: (path: readonly PropertyKey[]) => number },
): { problems: Problem[]; words: Record<string, unknown> } {
	const facts: readonly string[] = FACTS[kind];
	const problems = Object.keys(raw)
		.filter((key) => facts.includes(key))
		.map((key) => ({
			file: at.file,
			line: at.lineOf([key]),
			field: key,
			message: `is the same in every language, so a translation does not hold it: set it in the original, ${at.original}, and remove it here`,
		}));
	const words = Object.fromEntries(Object.entries(raw).filter(([key]) => !facts.includes(key)));
	return { problems, words };
}

/** The languages a report is published in: its own first, then its translations. */
export function languagesOf(report: { language: string; translations?: readonly string[] } | undefined): string[] {
	return report ? [report.language, ...(report.translations ?? [])] : ['en'];
}
