import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { findingSchema, FINDING_ID_PATTERN, type Finding } from '../../schemas/finding.ts';
import { pageSchema, type Page } from '../../schemas/page.ts';
import { reportSchema, type Report } from '../../schemas/report.ts';
import type { Snapshot } from '../../schemas/edition.ts';
import { themeSchema, type Theme } from '../../schemas/theme.ts';
import { displayPath } from '../display-path.ts';
import { validate } from './error-map.ts';
import { sortProblems, type Problem } from '../problems.ts';
import { siteBase } from './site-settings.ts';
import { bodyLengthProblem, checkContent } from './checks.ts';
import { controlCharacterProblems } from './control-characters.ts';
import { directiveContext } from './directive-context.ts';
import type { DirectiveContext } from '../markdown/directives.ts';
import { loadEditions } from './editions.ts';
import { markdownFiles, type MarkdownFile } from './files.ts';
import { parseFrontmatter, splitMarkdown, type MarkdownProblem, type SplitMarkdown } from './frontmatter.ts';
import { ImageRegistry, type ImageFile } from './images.ts';
import { nameProblems, type NamedEntry } from './names.ts';
import type { FrontmatterCache } from './frontmatter-cache.ts';
import type { RenderCache } from './render-cache.ts';
import { BodyRenderer } from './render-entries.ts';
import { SourceLines } from './source-lines.ts';
import { faultPoint } from '../plumbing/fault.ts';
import type { RenderJob } from './render-pool.ts';
import { parseYaml } from './yaml.ts';
import { loadStrings } from './strings.ts';
import { loadTranslations, splitTranslations, type Translations } from './load-translations.ts';
import { languagesOf } from './translations.ts';
import { translationProblems } from './translation-checks.ts';
import { ENGLISH } from '../i18n/catalogues.ts';
import type { Messages } from '../i18n/messages.ts';

/**
 * A file of the report as named in problems: relative to the working directory. The content is plain data, so that
 * any of it can be handed to another thread; the lines its fields were written on are in `SourceLines`.
 */
export interface Located {
	file: string;
}

/** A theme, finding or chapter: its validated frontmatter and its body, rendered once. */
export interface Entry<T> extends Located {
	id: string;
	/** The file's absolute path, as found. */
	path: string;
	data: T;
	body: string;
	bodyLine: number;
	html: string;
	/** The words of the body as a reader sees them, for search. */
	text: string;
	hasChart: boolean;
	opensWithHeading: boolean;
	/** The images its body shows, published with it (and only when it is). */
	images: ImageFile[];
}

/** A finding file whose frontmatter parsed, valid or not, so that one problem in a file does not hide the others. */
export interface FindingRecord extends Located {
	id: string;
	raw: Record<string, unknown>;
	valid: boolean;
}

/** A report folder, read once: what the check reports on and what every page, index and download is made from. */
export interface ReportContent {
	dir: string;
	/** The site's base path, e.g. `/` or `/procurement-2025/`. */
	base: string;
	/** `statusesDeclared`: whether report.yaml declares its statuses, or takes the default set. */
	report?: Located & { data: Report; statusesDeclared: boolean };
	/** Every finding file that parsed, including those with problems. */
	findingRecords: FindingRecord[];
	themes: Entry<Theme>[];
	/** Valid findings, drafts included: drafts are left out where the site is made. */
	findings: Entry<Finding>[];
	pages: Entry<Page>[];
	/** Snapshots of earlier editions (editions/<asAt>.json), oldest first. */
	editions: Snapshot[];
	/** The languages the report is published in: its own first, then those report.yaml lists under translations. */
	languages: string[];
	/** The interface strings in each language: the shipped ones, with the report's own (i18n/) over them. */
	strings: Record<string, Messages>;
	/** Each other language's words: report.<tag>.yaml and the translation files, by language. */
	translations: Record<string, Translations>;
	/** Every problem, sorted by file and line. None means the folder builds. */
	problems: Problem[];
}

export interface LoadOptions {
	/** Rendered Markdown kept between runs; none renders everything. */
	cache?: RenderCache | undefined;
	/** Parsed frontmatter kept between runs; none parses everything. */
	frontmatter?: FrontmatterCache | undefined;
}

type Kind = NamedEntry['kind'];
export type Parsed<T> = Omit<Entry<T>, 'html' | 'text' | 'hasChart' | 'opensWithHeading' | 'images'>;

function loadReportFile(dir: string, problems: Problem[], lines: SourceLines): ReportContent['report'] {
	const path = join(dir, 'report.yaml');
	const file = displayPath(path);
	if (!existsSync(path)) {
		problems.push({
			file,
			line: 1,
			field: 'file',
			message:
				'not found; every report folder needs a report.yaml with at least title, publisher, asAt, metrics and outcomes',
		});
		return undefined;
	}
	const text = readFileSync(path, 'utf8')
		.replace(/^\uFEFF/, '')
		.replace(/\r\n?/g, '\n');
	if (text.trim() === '') {
		problems.push({
			file,
			line: 1,
			field: 'file',
			message: 'the file is empty; it needs at least title, publisher, asAt, metrics and outcomes',
		});
		return undefined;
	}
	const source = parseYaml(text);
	if (source.errors.length) {
		problems.push(
			...source.errors.map(({ line, message, explained }) => ({
				file,
				line,
				field: 'yaml',
				message: explained ? message : `${message}; fix the YAML syntax`,
			})),
		);
		return undefined;
	}
	const control = controlCharacterProblems(source.data, source.lineOf, file);
	const result = validate(reportSchema, source, file, 'report');
	problems.push(...control, ...result.problems);
	lines.set(file, source.lineOf);
	const statusesDeclared = typeof source.data === 'object' && source.data !== null && 'statuses' in source.data;
	return result.data && !control.length ? { file, data: result.data, statusesDeclared } : undefined;
}

/** A Markdown file as read: split at its frontmatter, or what stopped that. */
export interface ReadFile extends MarkdownFile {
	split: SplitMarkdown | MarkdownProblem;
}

const readFiles = <F extends MarkdownFile>(files: F[]): (F & ReadFile)[] =>
	files.map((file) => ({ ...file, split: splitMarkdown(readFileSync(file.path, 'utf8')) }));

/** The bodies worth rendering before the frontmatter is parsed: those not too long to render at all. */
function bodiesOf(files: readonly ReadFile[]): RenderJob[] {
	return files.flatMap(({ path, file, split }) =>
		'problem' in split || bodyLengthProblem(file, split.bodyLine, split.body)
			? []
			: [{ path, file, body: split.body, bodyLine: split.bodyLine }],
	);
}

/** What parsing the Markdown files adds to, and the cache it parses through. */
interface ParseState {
	problems: Problem[];
	names: NamedEntry[];
	/** Every finding file that parsed; only findings are recorded. */
	records?: FindingRecord[];
	lines: SourceLines;
	cache: FrontmatterCache | undefined;
}

/** Validates the Markdown files of one kind; a file with problems is reported and left out. */
function parseEntries<S extends z.ZodType>(
	files: ReadFile[],
	kind: Kind,
	schema: S,
	{ problems, names, records, lines, cache }: ParseState,
): Parsed<z.output<S>>[] {
	const entries: Parsed<z.output<S>>[] = [];
	for (const { path, relativePath, file, split } of files) {
		const stem = relativePath.replace(/^.*\//, '').replace(/\.md$/i, '');
		const parse = cache && ((yaml: string) => cache.parse(path, yaml));
		const source = 'problem' in split ? split : parseFrontmatter(split, parse);
		if ('problem' in source) {
			problems.push({ file, line: source.line, field: 'file', message: source.problem });
			names.push({ kind, file, relativePath, id: stem, idSource: 'file', idLine: 1 });
			continue;
		}
		if (source.errors.length) {
			problems.push(
				...source.errors.map(({ line, message, explained }) => ({
					file,
					line,
					field: 'frontmatter',
					message: explained ? message : `${message}; fix the YAML syntax`,
				})),
			);
			names.push({ kind, file, relativePath, id: stem, idSource: 'file', idLine: 1 });
			continue;
		}
		const raw =
			typeof source.data === 'object' && source.data !== null && !Array.isArray(source.data)
				? (source.data as Record<string, unknown>)
				: undefined;
		const written =
			kind === 'finding' && typeof raw?.id === 'string' && FINDING_ID_PATTERN.test(raw.id) ? raw.id : undefined;
		const id = written ?? stem;
		names.push({
			kind,
			file,
			relativePath,
			id,
			idSource: written ? 'frontmatter' : 'file',
			// Worked out only for a problem: a cached file's lines mean parsing its YAML again.
			get idLine() {
				return written ? source.lineOf(['id']) : 1;
			},
		});
		lines.set(file, source.lineOf);
		const control = controlCharacterProblems(source.data, source.lineOf, file);
		const result = validate(schema, source, file);
		// An over-long body is reported and not rendered.
		const long = bodyLengthProblem(file, source.bodyLine, source.body);
		problems.push(...control, ...result.problems, ...(long ? [long] : []));
		const valid = result.data !== undefined && !control.length && !long;
		if (raw && records) records.push({ id, file, raw, valid });
		if (valid && result.data !== undefined)
			entries.push({
				id,
				file,
				path,
				data: result.data,
				body: source.body,
				bodyLine: source.bodyLine,
			});
	}
	return entries;
}

/** Renders every body once (or takes it from the cache), with the problems found on the way. */
async function renderEntries(
	groups: Parsed<unknown>[][],
	renderer: BodyRenderer,
	context: DirectiveContext | undefined,
	problems: Problem[],
) {
	const results = await renderer.render(groups.flat(), context);
	let next = 0;
	return groups.map((group) =>
		group.map((entry) => {
			const result = results[next++]!;
			problems.push(...result.problems);
			const { html, text, hasChart, opensWithHeading, images } = result;
			return { ...entry, html, text, hasChart, opensWithHeading, images };
		}),
	);
}

/**
 * Reads a report folder: each file once, frontmatter split by gray-matter and validated by the project's schemas,
 * each body rendered once by remark. The check prints `problems`; the build refuses to start while there are any,
 * so a folder the check accepts is a folder that builds.
 */
export async function loadReport(dir: string, options: LoadOptions = {}): Promise<ReportContent> {
	faultPoint('check');
	const problems: Problem[] = [];
	if (!existsSync(dir) || !statSync(dir).isDirectory()) {
		const message = 'no report folder here; create it, or point REPORT_CONTENT at an existing one';
		return {
			dir,
			base: '/',
			findingRecords: [],
			themes: [],
			findings: [],
			pages: [],
			editions: [],
			languages: ['en'],
			strings: { en: ENGLISH },
			translations: {},
			problems: [{ file: dir, line: 1, field: 'folder', message }],
		};
	}
	const lines = new SourceLines();
	const report = loadReportFile(dir, problems, lines);
	const base = siteBase(report?.data.site);
	const strings = loadStrings(dir, report, lines, problems);
	const languages = languagesOf(report?.data);
	const names: NamedEntry[] = [];
	const records: FindingRecord[] = [];
	const renderer = new BodyRenderer({ dir, base, images: new ImageRegistry(dir, base), cache: options.cache });
	let rendered: Awaited<ReturnType<typeof renderEntries>>;
	let translations: Record<string, Translations> = {};
	try {
		const files = markdownFiles(dir, problems);
		const split = {
			themes: splitTranslations(files.themes),
			findings: splitTranslations(files.findings),
			pages: splitTranslations(files.pages),
		};
		const read = {
			themes: readFiles(split.themes.originals),
			findings: readFiles(split.findings.originals),
			pages: readFiles(split.pages.originals),
		};
		const readTranslations = {
			themes: readFiles(split.themes.translations),
			findings: readFiles(split.findings.translations),
			pages: readFiles(split.pages.translations),
		};
		renderer.start(
			bodiesOf([
				...read.themes,
				...read.findings,
				...read.pages,
				...readTranslations.themes,
				...readTranslations.findings,
				...readTranslations.pages,
			]),
		);
		const cache = options.frontmatter;
		const themes = parseEntries(read.themes, 'theme', themeSchema, { problems, names, lines, cache });
		const findings = parseEntries(read.findings, 'finding', findingSchema, { problems, names, records, lines, cache });
		const pages = parseEntries(read.pages, 'page', pageSchema, { problems, names, lines, cache });
		problems.push(...nameProblems(names));
		const context = report && directiveContext(report.data, strings[languages[0]!]!, themes, findings);
		rendered = await renderEntries([themes, findings, pages], renderer, context, problems);
		if (report)
			translations = await loadTranslations({
				dir,
				report,
				files: readTranslations,
				every: read,
				originals: { themes, findings, pages },
				strings,
				problems,
				lines,
				cache,
				render: (groups, languageContext) => renderEntries(groups, renderer, languageContext, problems),
			});
	} finally {
		await renderer.close();
	}
	const [renderedThemes, renderedFindings, renderedPages] = rendered;
	const content: ReportContent = {
		dir,
		base,
		report,
		findingRecords: records,
		themes: renderedThemes as Entry<Theme>[],
		findings: renderedFindings as Entry<Finding>[],
		pages: renderedPages as Entry<Page>[],
		editions: loadEditions(dir, report?.data.asAt, problems),
		languages,
		strings,
		translations,
		problems,
	};
	problems.push(...checkContent(content, lines, problems), ...translationProblems(content, lines));
	options.cache?.save();
	options.frontmatter?.save();
	return { ...content, problems: sortProblems(dedupe(problems)) };
}

/** One problem once, however many ways it was found. */
function dedupe(problems: Problem[]): Problem[] {
	const seen = new Set<string>();
	return problems.filter((problem) => {
		const key = `${problem.file}\u0000${problem.line}\u0000${problem.field}\u0000${problem.message}`;
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
