import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import type { Finding } from '../../schemas/finding.ts';
import type { Page } from '../../schemas/page.ts';
import type { Report } from '../../schemas/report.ts';
import type { Theme } from '../../schemas/theme.ts';
import {
	findingTranslationSchema,
	pageTranslationSchema,
	reportTranslationSchema,
	themeTranslationSchema,
	type FindingTranslation,
	type PageTranslation,
	type ReportTranslation,
	type ThemeTranslation,
} from '../../schemas/translation.ts';
import { displayPath } from '../display-path.ts';
import type { Messages } from '../i18n/messages.ts';
import type { DirectiveContext } from '../markdown/directives.ts';
import type { Problem } from '../problems.ts';
import { directiveContext } from './directive-context.ts';
import { validate } from './error-map.ts';
import { parseFrontmatter } from './frontmatter.ts';
import type { FrontmatterCache } from './frontmatter-cache.ts';
import { reportIn, themeIn } from './language-view.ts';
import type { Entry, Parsed, ReadFile } from './load.ts';
import type { SourceLines } from './source-lines.ts';
import { factProblems, translationName, type TranslationName } from './translations.ts';
import { parseYaml } from './yaml.ts';

type Kind = 'finding' | 'theme' | 'page';
export type TranslationFile = ReadFile & TranslationName;

/** One language's translations, each entry under its original's id. */
export interface Translations {
	report?: { file: string; data: ReportTranslation };
	themes: Entry<ThemeTranslation>[];
	findings: Entry<FindingTranslation>[];
	pages: Entry<PageTranslation>[];
	/** The originals (by path) that have a translation file into this language, valid or not. */
	covered: string[];
}

/** Translation files apart from originals: `INV-07.en.md` is not a finding of its own. */
export function splitTranslations<F extends { relativePath: string }>(
	files: readonly F[],
): { originals: F[]; translations: (F & TranslationName)[] } {
	const originals: F[] = [];
	const translations: (F & TranslationName)[] = [];
	for (const file of files) {
		const name = translationName(file.relativePath);
		if (name) translations.push({ ...file, ...name });
		else originals.push(file);
	}
	return { originals, translations };
}

interface Originals {
	themes: Parsed<Theme>[];
	findings: Parsed<Finding>[];
	pages: Parsed<Page>[];
}

/** The original file a translation belongs beside, as named in problems: `…/INV-07.en.md` → `…/INV-07.md`. */
const originalFile = (translation: TranslationFile) =>
	translation.file.slice(0, translation.file.length - translation.relativePath.length) + translation.original;

/** Validates the translations of one kind into one language: words only, under their original's id. */
function parseTranslations<S extends z.ZodType>(
	files: readonly TranslationFile[],
	kind: Kind,
	schema: S,
	originals: readonly Parsed<unknown>[],
	every: readonly ReadFile[],
	state: { problems: Problem[]; lines: SourceLines; cache: FrontmatterCache | undefined; covered: string[] },
): Parsed<z.output<S>>[] {
	const { problems, lines, cache } = state;
	const byPath = new Map(originals.map((entry) => [entry.path, entry]));
	const written = new Set(every.map((file) => file.relativePath));
	const entries: Parsed<z.output<S>>[] = [];
	for (const translation of files) {
		const { path, file, split } = translation;
		const original = originalFile(translation);
		const at = (line: number, field: string, message: string) => problems.push({ file, line, field, message });
		if (!written.has(translation.original)) {
			at(1, 'file', `is a translation of ${original}, which is not there: rename it after its original, or remove it`);
			continue;
		}
		// The original's path: the translation's folder, the original's name.
		const originalPath = join(path, '..', translation.original.replace(/^.*\//, ''));
		state.covered.push(originalPath);
		const source = 'problem' in split ? split : parseFrontmatter(split, cache && ((yaml) => cache.parse(path, yaml)));
		if ('problem' in source) {
			at(source.line, 'file', source.problem);
			continue;
		}
		if (source.errors.length) {
			for (const error of source.errors)
				at(error.line, 'frontmatter', error.explained ? error.message : `${error.message}; fix the YAML syntax`);
			continue;
		}
		lines.set(file, source.lineOf);
		const raw = (typeof source.data === 'object' && source.data) || {};
		const facts = factProblems(raw as Record<string, unknown>, kind, { file, original, lineOf: source.lineOf });
		const result = validate(schema, { data: facts.words, lineOf: source.lineOf }, file);
		problems.push(...facts.problems, ...result.problems);
		// The original's own problems are reported with it; its translation waits for it.
		const of = byPath.get(originalPath);
		if (!of || result.data === undefined || facts.problems.length) continue;
		entries.push({ id: of.id, file, path, data: result.data, body: source.body, bodyLine: source.bodyLine });
	}
	return entries;
}

/** `report.<tag>.yaml`: report.yaml's words in one language, with the same keys. */
function loadReportTranslation(
	dir: string,
	language: string,
	report: { file: string; data: Report },
	state: { problems: Problem[]; lines: SourceLines },
): Translations['report'] {
	const path = join(dir, `report.${language}.yaml`);
	const file = displayPath(path);
	if (!existsSync(path)) {
		const index = report.data.translations.indexOf(language);
		state.problems.push(
			state.lines.at(
				report,
				['translations', index],
				`translations[${index}]`,
				`${language} needs ${file}: report.yaml's title, publisher, labels and corrections in ${language}`,
			),
		);
		return undefined;
	}
	const source = parseYaml(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
	if (source.errors.length) {
		for (const error of source.errors)
			state.problems.push({ file, line: error.line, field: 'yaml', message: error.message });
		return undefined;
	}
	state.lines.set(file, source.lineOf);
	const raw = (typeof source.data === 'object' && source.data) || {};
	const facts = factProblems(raw as Record<string, unknown>, 'report', {
		file,
		original: report.file,
		lineOf: source.lineOf,
	});
	const result = validate(reportTranslationSchema, { data: facts.words, lineOf: source.lineOf }, file, 'report');
	state.problems.push(...facts.problems, ...result.problems);
	return result.data && !facts.problems.length ? { file, data: result.data } : undefined;
}

export interface TranslationInput {
	dir: string;
	report: { file: string; data: Report };
	files: Record<'themes' | 'findings' | 'pages', TranslationFile[]>;
	/** Every Markdown file read, originals and translations, by collection. */
	every: Record<'themes' | 'findings' | 'pages', ReadFile[]>;
	originals: Originals;
	strings: Record<string, Messages>;
	problems: Problem[];
	lines: SourceLines;
	cache: FrontmatterCache | undefined;
	/** Renders the bodies of each group with a language's directives, as the originals' were. */
	render(groups: Parsed<unknown>[][], context: DirectiveContext): Promise<Entry<unknown>[][]>;
}

/**
 * Reads every translation of a report: `report.<tag>.yaml` and the Markdown files beside their originals, for each
 * language report.yaml lists, and renders their bodies with that language's figures, labels and strings.
 */
export async function loadTranslations(input: TranslationInput): Promise<Record<string, Translations>> {
	const { report, files, problems, lines } = input;
	const listed = new Set(report.data.translations.map((tag) => Intl.getCanonicalLocales(tag)[0]!));
	const own = Intl.getCanonicalLocales(report.data.language)[0]!;
	for (const file of [...files.themes, ...files.findings, ...files.pages]) {
		if (file.language === own)
			problems.push({
				file: file.file,
				line: 1,
				field: 'file',
				message: `is a translation into ${file.language}, the report's own language (language: in report.yaml); write in ${originalFile(file)} instead, and remove this file`,
			});
		else if (!listed.has(file.language))
			problems.push({
				file: file.file,
				line: 1,
				field: 'file',
				message: `is a translation into ${file.language}, which report.yaml does not list: add ${file.language} to translations there, or remove this file`,
			});
	}
	const result: Record<string, Translations> = {};
	for (const language of listed) {
		const only = (list: TranslationFile[]) => list.filter((file) => file.language === language);
		const state = { problems, lines, cache: input.cache, covered: [] as string[] };
		const themes = parseTranslations(
			only(files.themes),
			'theme',
			themeTranslationSchema,
			input.originals.themes,
			input.every.themes,
			state,
		);
		const findings = parseTranslations(
			only(files.findings),
			'finding',
			findingTranslationSchema,
			input.originals.findings,
			input.every.findings,
			state,
		);
		const pages = parseTranslations(
			only(files.pages),
			'page',
			pageTranslationSchema,
			input.originals.pages,
			input.every.pages,
			state,
		);
		const words = loadReportTranslation(input.dir, language, report, state);
		const titles = new Map(themes.map((theme) => [theme.id, theme.data]));
		const context = directiveContext(
			reportIn(report.data, language, words?.data),
			input.strings[language]!,
			input.originals.themes.map((theme) => {
				const translated = titles.get(theme.id);
				return { id: theme.id, data: translated ? themeIn(theme.data, translated) : theme.data };
			}),
			input.originals.findings,
		);
		const [renderedThemes, renderedFindings, renderedPages] = await input.render([themes, findings, pages], context);
		result[language] = {
			...(words && { report: words }),
			themes: renderedThemes as Entry<ThemeTranslation>[],
			findings: renderedFindings as Entry<FindingTranslation>[],
			pages: renderedPages as Entry<PageTranslation>[],
			covered: state.covered,
		};
	}
	return result;
}
