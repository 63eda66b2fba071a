import { join, resolve } from 'node:path';
import { globSync } from 'tinyglobby';

/**
 * The folders every command works on: `REPORT_CONTENT` (default `./content`) and `REPORT_OUT` (default `./dist`).
 * Relative paths are taken from where the author typed the command: npm moves to the project root but keeps that
 * place in INIT_CWD.
 */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.REPORT_CONTENT ? resolve(env.INIT_CWD ?? '', env.REPORT_CONTENT) : resolve('content');
}

export function outDir(env: NodeJS.ProcessEnv = process.env): string {
	return env.REPORT_OUT ? resolve(env.INIT_CWD ?? '', env.REPORT_OUT) : resolve('dist');
}

export const FINDINGS_PATTERN = '**/*.md';
export const FLAT_PATTERN = '*.md';

/** Themes and chapters are optional: a report may have no `themes/` or `pages/` folder, or an empty one. */
export function hasMarkdown(dir: string, folder: string, pattern = FLAT_PATTERN): boolean {
	return globSync(pattern, { cwd: join(dir, folder), expandDirectories: false }).length > 0;
}
