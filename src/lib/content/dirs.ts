import { resolve } from 'node:path';

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
