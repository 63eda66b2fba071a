import { templateTextProblems } from './checks.ts';
import { RESERVED_SLUGS } from './names.ts';
import { PLACEHOLDERS } from './templates.ts';
import type { Entry, ReportContent } from './load.ts';
import type { SourceLines } from './source-lines.ts';
import { translationPath } from './translations.ts';
import { englishName } from '../languages.ts';
import type { Problem } from '../problems.ts';

/**
 * What a published report needs in each of its languages: every published finding, theme and chapter translated,
 * with as many recommendations as the original; report.yaml's every label; chapters at addresses of their own. A
 * translation of a draft is refused: a draft is published in no language.
 */
export function translationProblems(content: ReportContent, lines: SourceLines): Problem[] {
	const problems: Problem[] = [];
	const report = content.report;
	if (!report) return problems;
	for (const [language, words] of Object.entries(content.translations)) {
		const name = `${englishName(language)} (${language})`;
		const covered = new Set(words.covered);
		const missing = (entry: Entry<unknown>, what: string) =>
			covered.has(entry.path)
				? []
				: [
						{
							file: entry.file,
							line: 1,
							field: 'translation',
							message: `is not yet in ${name}: write ${translationPath(entry.file, language)} beside it, with ${what}`,
						},
					];
		for (const finding of content.findings) {
			// A draft is published in no language: its translations are written alongside it, and wait with it.
			if (finding.data.draft) continue;
			problems.push(
				...missing(
					finding,
					`its title, summary${finding.data.recommendations.length ? ', recommendations' : ''} and text in ${name}`,
				),
			);
			const translation = words.findings.find((entry) => entry.id === finding.id);
			if (translation)
				problems.push(
					...templateTextProblems(
						{
							entry: translation,
							summary: PLACEHOLDERS.findingSummary,
							body: PLACEHOLDERS.findingBody,
							fix: 'translate the finding, or put draft: true back in the original until it is',
						},
						lines,
					),
				);
			const wanted = finding.data.recommendations.length;
			if (translation && translation.data.recommendations.length !== wanted)
				problems.push(
					lines.at(
						translation,
						['recommendations'],
						'recommendations',
						`has ${translation.data.recommendations.length} recommendations; ${finding.file} has ${wanted}: translate each of them, in the same order`,
					),
				);
		}
		for (const theme of content.themes) problems.push(...missing(theme, `its title, summary and text in ${name}`));
		for (const page of content.pages) problems.push(...missing(page, `its title and text in ${name}`));
		problems.push(...slugProblems(content, language));
		if (words.report) problems.push(...labelProblems(content, language, lines));
	}
	return problems;
}

/** A chapter's address in a language is its own: not another chapter's, not a section's, not a language's. */
function slugProblems(content: ReportContent, language: string): Problem[] {
	const taken = new Map<string, string>();
	const problems: Problem[] = [];
	for (const page of content.translations[language]!.pages) {
		const slug = page.data.slug ?? page.id;
		const clash = taken.get(slug);
		const message = clash
			? `${slug} is the address of ${clash} in ${language} too; give this chapter a slug of its own`
			: RESERVED_SLUGS.includes(slug) || content.languages.includes(slug)
				? `${slug} is an address the site uses for itself; choose another slug`
				: undefined;
		if (message) problems.push({ file: page.file, line: 1, field: 'slug', message });
		taken.set(slug, page.file);
	}
	for (const page of content.pages)
		if (content.languages.includes(page.id))
			problems.push({
				file: page.file,
				line: 1,
				field: 'file',
				message: `${page.id} is the address of the report in ${page.id}; rename this chapter's file`,
			});
	return problems;
}

/** report.<tag>.yaml words every label report.yaml declares, and no other, and each correction. */
function labelProblems(content: ReportContent, language: string, lines: SourceLines): Problem[] {
	const report = content.report!.data;
	const words = content.translations[language]!.report!;
	const problems: Problem[] = [];
	const at = (path: (string | number)[], message: string) =>
		problems.push(lines.at(words, path, path.join('.').replace(/\.(\d+)/g, '[$1]'), message));
	for (const group of ['metrics', 'outcomes', 'statuses', 'figures'] as const) {
		const declared = report[group] as Record<string, { description?: string | undefined }>;
		const translated = words.data[group];
		for (const key of Object.keys(declared)) {
			if (!Object.hasOwn(translated, key))
				at(
					[group],
					`${key} is not translated: add ${key}: { label: … }${declared[key]!.description ? ' with its description' : ''}`,
				);
			else if (declared[key]!.description && !translated[key]!.description)
				at([group, key], `has no description; report.yaml gives ${key} one: translate it`);
		}
		for (const key of Object.keys(translated))
			if (!Object.hasOwn(declared, key))
				at([group, key], `is not one of report.yaml's ${group}; translate only those it declares`);
	}
	for (const field of ['subtitle', 'edition', 'notice'] as const)
		if (report[field] && !words.data[field]) at([], `report.yaml has a ${field}: translate it here as ${field}: …`);
	const corrections = report.corrections?.length ?? 0;
	if (words.data.corrections.length !== corrections)
		at(
			['corrections'],
			`has ${words.data.corrections.length} corrections; report.yaml has ${corrections}: translate each text, in the same order`,
		);
	return problems;
}
