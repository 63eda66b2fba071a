import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../display-path.ts';
import { parseYaml } from './yaml.ts';
import { COMPLETED, OPEN } from '../../schemas/finding.ts';
import { markdownFiles } from './files.ts';
import { fileStem } from './ids.ts';
import { slugify } from '../slug.ts';
import { isLanguageTag } from '../languages.ts';
import {
	FOLDERS,
	findingTemplate,
	findingTranslationTemplate,
	pageTemplate,
	reportTemplate,
	themeTemplate,
	type Kind,
} from './templates.ts';

/** `translations`: the skeletons written beside a new finding, one per language the report is translated into. */
export type ScaffoldResult = { ok: true; path: string; translations?: string[] } | { ok: false; message: string };

function firstOpenStatus(dir: string): string {
	try {
		const report = parseYaml(readFileSync(join(dir, 'report.yaml'), 'utf8')).data as
			{ statuses?: Record<string, unknown> } | undefined;
		const statuses = Object.keys(report?.statuses ?? { [OPEN]: true });
		return statuses.includes(OPEN) ? OPEN : (statuses.find((key) => key !== COMPLETED) ?? OPEN);
	} catch {
		return 'open';
	}
}

/** The languages report.yaml lists under translations, as written: each gets a skeleton beside a new finding. */
function translationsOf(dir: string): string[] {
	try {
		const report = parseYaml(readFileSync(join(dir, 'report.yaml'), 'utf8')).data as
			{ translations?: unknown } | undefined;
		const listed = Array.isArray(report?.translations) ? report.translations : [];
		return listed.filter((tag): tag is string => typeof tag === 'string' && isLanguageTag(tag));
	} catch {
		return [];
	}
}

function localDate(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Writes a new finding, theme or page from its template; never replaces a file or reuses a finding id. */
export function scaffold(dir: string, kind: Kind, title: string, now = new Date()): ScaffoldResult {
	const slug = slugify(title);
	if (!slug)
		return { ok: false, message: `"${title}" gives no file name; use a title with at least one letter or digit` };
	const folder = join(dir, FOLDERS[kind]);
	const path = join(folder, `${slug}.md`);
	if (kind === 'finding') {
		// Case-insensitive: on macOS and Windows disks, INV-1.md and inv-1.md are one file.
		const clash = markdownFiles(dir, []).findings.find((file) => fileStem(file.relativePath).toLowerCase() === slug);
		if (clash)
			return {
				ok: false,
				message: `${clash.file} already has the id "${slug}"; nothing was written. Choose another title, or edit that file`,
			};
	}
	const text =
		kind === 'finding'
			? findingTemplate(title, firstOpenStatus(dir), localDate(now))
			: kind === 'theme'
				? themeTemplate(title)
				: pageTemplate(title);
	// In a report published in several languages, a new finding starts in each: its translations' skeletons beside it.
	const translations =
		kind === 'finding'
			? translationsOf(dir).map((tag) => [join(folder, `${slug}.${tag}.md`), findingTranslationTemplate(title, tag)])
			: [];
	try {
		mkdirSync(folder, { recursive: true });
		// 'wx' fails if the file exists, even if it appeared since the check above.
		writeFileSync(path, text, { flag: 'wx' });
		for (const [file, words] of translations) writeFileSync(file!, words!, { flag: 'wx' });
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		const reason = code === 'EEXIST' ? 'already exists' : `could not be written (${code ?? String(error)})`;
		return {
			ok: false,
			message: `${displayPath(path)} ${reason}; nothing was written. Choose another title, or edit that file`,
		};
	}
	return { ok: true, path, ...(translations.length > 0 && { translations: translations.map(([file]) => file!) }) };
}

/**
 * Writes a new report folder that passes the check: a commented report.yaml, one theme, one chapter and one draft
 * finding. Only into a folder that is new or empty: it never writes over anything.
 */
export function scaffoldReport(dir: string, title: string, now = new Date()): ScaffoldResult {
	if (existsSync(dir) && readdirSync(dir).length)
		return {
			ok: false,
			message: `${displayPath(dir)} already holds files; nothing was written. Name a new folder for the report`,
		};
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'report.yaml'), reportTemplate(title, localDate(now)), { flag: 'wx' });
	// A theme and a chapter have no draft state: theirs are written as a start that could be published as it is.
	const files = {
		'themes/example-theme.md': `---\ntitle: Example theme\nsummary: Findings on one subject; rename this theme, or add others beside it.\n---\nThe findings on this theme will be described here as they are published.\n`,
		'pages/about-this-report.md': `---\ntitle: About this report\norder: 1\n---\n${title} is published by its authors as a set of findings, one page each, with their figures.\n`,
	};
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(join(dir, path, '..'), { recursive: true });
		writeFileSync(join(dir, path), text, { flag: 'wx' });
	}
	const finding = scaffold(dir, 'finding', 'First finding', now);
	return finding.ok ? { ok: true, path: dir } : finding;
}
