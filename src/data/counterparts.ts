import { base } from 'astro:config/client';
import { contentDir } from '../lib/content/dirs.ts';
import { currentContent } from '../lib/content/current.ts';
import { currentLanguage, mainLanguage, reportLanguages } from './language.ts';
import { urlIn } from './report.ts';

/** Each chapter's address in a language: its translation's `slug`, or the original's. */
function chapterSlug(language: string, original: string): string {
	const content = currentContent(contentDir());
	if (language === mainLanguage()) return original;
	return content.translations[language]?.pages.find((page) => page.id === original)?.data.slug ?? original;
}

/** The chapter a slug names in a language, by its original's id. */
function chapterOf(language: string, slug: string): string | undefined {
	const content = currentContent(contentDir());
	return content.pages.map((page) => page.id).find((original) => chapterSlug(language, original) === slug);
}

/**
 * The page being rendered, in each language of the report: its address there and the language's name in itself
 * ("English", "Cymraeg"). A chapter may have another address in each language.
 */
export function counterparts(pathname: string): { language: string; href: string; name: string; current: boolean }[] {
	const here = currentLanguage();
	const root = `${base.replace(/\/$/, '')}/`;
	let path = pathname.startsWith(root) ? pathname.slice(root.length) : pathname.replace(/^\//, '');
	if (here !== mainLanguage() && path.startsWith(`${here}/`)) path = path.slice(here.length + 1);
	const [first = '', ...rest] = path.split('/');
	const chapter = rest.every((part) => part === '') && first ? chapterOf(here, first) : undefined;
	const strings = currentContent(contentDir()).strings;
	return reportLanguages().map((language) => ({
		language,
		href: urlIn(language, chapter ? `${chapterSlug(language, chapter)}/` : path),
		name: strings[language]?.['language.name'] ?? language,
		current: language === here,
	}));
}
