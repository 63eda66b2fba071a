import { AsyncLocalStorage } from 'node:async_hooks';
import { contentDir } from '../lib/content/dirs.ts';
import { currentContent } from '../lib/content/current.ts';

// The language of the page being rendered: set by the middleware for everything the page's render awaits.
const rendering = new AsyncLocalStorage<string>();

/** The report's languages: its own first (at the site's root), then each translation (under /<tag>/). */
export function reportLanguages(): string[] {
	return currentContent(contentDir()).languages;
}

export const mainLanguage = (): string => reportLanguages()[0]!;

/** The language of the page being rendered; the report's own outside a page. */
export function currentLanguage(): string {
	return rendering.getStore() ?? mainLanguage();
}

/** Renders with `language` as the page's language. */
export function inLanguage<T>(language: string, render: () => T): T {
	return rendering.run(language, render);
}

/** The `[...lang]` segment of a page's address: none for the report's own language, the tag for every other. */
export function languageParam(language: string): string | undefined {
	return language === mainLanguage() ? undefined : language;
}

/** A page's language from its address's `[...lang]` segment. */
export function languageOfParam(param: string | undefined): string {
	return param && reportLanguages().includes(param) ? param : mainLanguage();
}

/** One page of a kind per language: the getStaticPaths of a page with no parameters of its own. */
export function languagePaths(): { params: { lang: string | undefined } }[] {
	return reportLanguages().map((language) => ({ params: { lang: languageParam(language) } }));
}

/** Each path of a page kind in every language: `paths(language)` gives that language's. */
export async function inEveryLanguage<P extends { params: Record<string, string | undefined> }>(
	paths: (language: string) => Promise<P[]> | P[],
): Promise<P[]> {
	const all: P[] = [];
	for (const language of reportLanguages())
		for (const path of await inLanguage(language, () => paths(language)))
			all.push({ ...path, params: { ...path.params, lang: languageParam(language) } });
	return all;
}
