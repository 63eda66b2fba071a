import type { Problem } from '../problems.ts';

// The dev server's integration and its page renderer load this module separately: the process is what they share.
const KEY = Symbol.for('findings-report.dev-problems');
const shared = globalThis as typeof globalThis & { [KEY]?: Problem[] };

export function setDevProblems(problems: Problem[]): void {
	shared[KEY] = problems;
}

/** The content problems the dev server last found, for the banner on every page. */
export function devProblems(): Problem[] {
	return shared[KEY] ?? [];
}
