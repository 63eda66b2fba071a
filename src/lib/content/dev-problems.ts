import type { Problem } from '../problems.ts';
import { session } from '../session.ts';

export function setDevProblems(problems: Problem[]): void {
	session().devProblems = problems;
}

/** The content problems the dev server last found, for the banner on every page. */
export function devProblems(): Problem[] {
	return session().devProblems;
}
