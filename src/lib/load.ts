import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';
import type { z } from 'astro/zod';
import { findingSchema, type Finding } from '../schemas/finding.ts';
import { pageSchema, type Page } from '../schemas/page.ts';
import { reportSchema, type Report } from '../schemas/report.ts';
import { themeSchema, type Theme } from '../schemas/theme.ts';
import { localImages } from './body.ts';
import { FINDINGS_PATTERN, FLAT_PATTERN } from './content-dirs.ts';
import { displayPath } from './display-path.ts';
import { validate } from './error-map.ts';
import { fileStem, findingId } from './ids.ts';
import type { Problem } from './problems.ts';
import { parseMarkdown, parseYaml } from './source.ts';

export interface Located {
	/** The file as printed in problems: relative to the working directory. */
	file: string;
	lineOf(path: readonly PropertyKey[]): number;
}

export interface Entry<T> extends Located {
	id: string;
	data: T;
	body: string;
	bodyLine: number;
}

/** A finding file whose frontmatter parsed, valid or not, so that one problem in a file does not hide the others. */
export interface FindingRecord extends Located {
	id: string;
	raw: Record<string, unknown>;
	valid: boolean;
}

export interface Content {
	report?: Located & { data: Report };
	/** Every finding file that parsed, including those with problems. */
	findingRecords: FindingRecord[];
	themes: Entry<Theme>[];
	findings: Entry<Finding>[];
	pages: Entry<Page>[];
	problems: Problem[];
}

function readText(path: string): string {
	return readFileSync(path, 'utf8');
}

function loadReport(dir: string, problems: Problem[]): Content['report'] {
	const path = join(dir, 'report.yaml');
	const file = displayPath(path);
	if (!existsSync(path)) {
		problems.push({ file, line: 1, field: 'file', message: 'not found; every report folder needs a report.yaml with at least title, publisher, asAt, metrics and outcomes' });
		return undefined;
	}
	const text = readText(path).replace(/^\uFEFF/, '');
	if (text.trim() === '') {
		problems.push({ file, line: 1, field: 'file', message: 'the file is empty; it needs at least title, publisher, asAt, metrics and outcomes' });
		return undefined;
	}
	const source = parseYaml(text);
	if (source.errors.length) {
		problems.push(...source.errors.map(({ line, message }) => ({ file, line, field: 'yaml', message: `${message}; fix the YAML syntax` })));
		return undefined;
	}
	const result = validate(reportSchema, source, file, 'report');
	problems.push(...result.problems);
	return result.data && { file, lineOf: source.lineOf, data: result.data };
}

function loadEntries<S extends z.ZodType>(
	dir: string,
	pattern: string,
	schema: S,
	idOf: (data: Record<string, unknown> | undefined, relativePath: string) => string,
	problems: Problem[],
	records: FindingRecord[] = [],
): Entry<z.output<S>>[] {
	if (!existsSync(dir)) return [];
	const entries: Entry<z.output<S>>[] = [];
	for (const relativePath of globSync(pattern, { cwd: dir, expandDirectories: false }).sort()) {
		const path = join(dir, relativePath);
		const file = displayPath(path);
		const source = parseMarkdown(readText(path));
		if ('problem' in source) {
			problems.push({ file, line: source.line, field: 'file', message: source.problem });
			continue;
		}
		if (source.errors.length) {
			problems.push(...source.errors.map(({ line, message }) => ({ file, line, field: 'frontmatter', message: `${message}; fix the YAML syntax` })));
			continue;
		}
		for (const { target, line } of localImages(source.body, source.bodyLine))
			if (!existsSync(resolve(dirname(path), target)))
				problems.push({ file, line, field: 'body', message: `image "${target}" not found (looked for ${displayPath(resolve(dirname(path), target))}); check the path, relative to this file` });
		const raw = typeof source.data === 'object' && !Array.isArray(source.data) ? (source.data as Record<string, unknown>) : undefined;
		const id = idOf(raw, relativePath);
		const result = validate(schema, source, file);
		problems.push(...result.problems);
		if (raw) records.push({ id, file, lineOf: source.lineOf, raw, valid: result.data !== undefined });
		if (result.data === undefined) continue;
		entries.push({ id, file, lineOf: source.lineOf, data: result.data, body: source.body, bodyLine: source.bodyLine });
	}
	return entries;
}

/** Reads a report folder with the same schemas as the site; shape problems only (see checks.ts for the rest). */
export function loadContent(dir: string): Content {
	const problems: Problem[] = [];
	const report = loadReport(dir, problems);
	const stem = (_data: unknown, relativePath: string) => fileStem(relativePath);
	const findingRecords: FindingRecord[] = [];
	return {
		report,
		findingRecords,
		themes: loadEntries(join(dir, 'themes'), FLAT_PATTERN, themeSchema, stem, problems),
		findings: loadEntries(join(dir, 'findings'), FINDINGS_PATTERN, findingSchema, findingId, problems, findingRecords),
		pages: loadEntries(join(dir, 'pages'), FLAT_PATTERN, pageSchema, stem, problems),
		problems,
	};
}
