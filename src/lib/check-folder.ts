import { existsSync, statSync } from 'node:fs';
import { checkContent } from './checks.ts';
import { loadContent, type Content } from './load.ts';
import { sortProblems, type Problem } from './problems.ts';

export interface CheckResult {
	content?: Content;
	problems: Problem[];
}

/** Everything `npm run check` reports for a report folder, sorted by file and line. */
export function checkFolder(dir: string): CheckResult {
	if (!existsSync(dir) || !statSync(dir).isDirectory())
		return { problems: [{ file: dir, line: 1, field: 'folder', message: 'no report folder here; create it, or point REPORT_CONTENT at an existing one' }] };
	const content = loadContent(dir);
	return { content, problems: sortProblems(checkContent(content)) };
}
