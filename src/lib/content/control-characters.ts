import { fieldName, type Problem } from '../problems.ts';

// Tabs and line breaks are text; the other C0 controls and DEL are invisible, break JSON, CSV and XML, and are
// never meant.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A problem for every text value, anywhere in parsed YAML, that holds a control character. */
export function controlCharacterProblems(
	data: unknown,
	lineOf: (path: readonly PropertyKey[]) => number,
	file: string,
): Problem[] {
	const problems: Problem[] = [];
	const walk = (value: unknown, path: PropertyKey[]) => {
		if (typeof value === 'string') {
			const match = CONTROL.exec(value);
			if (match) {
				const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
				problems.push({
					file,
					line: lineOf(path),
					field: fieldName(path) || 'frontmatter',
					message: `contains an invisible control character (U+${code}); delete it and retype the text around it`,
				});
			}
		} else if (Array.isArray(value)) value.forEach((item, index) => walk(item, [...path, index]));
		else if (value && typeof value === 'object')
			for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
	};
	walk(data, []);
	return problems;
}
