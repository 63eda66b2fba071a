/** One content problem, printed as `file:line: field: message`. */
export interface Problem {
	file: string;
	line: number;
	field: string;
	message: string;
}

export function formatProblem({ file, line, field, message }: Problem): string {
	return `${file}:${line}: ${field}: ${message}`;
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
	return [...problems].sort(
		(a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.field.localeCompare(b.field),
	);
}

/** `['recommendations', 1, 'due']` → `recommendations[1].due`. */
export function fieldName(path: readonly PropertyKey[]): string {
	return path.reduce<string>((name, key) => {
		if (typeof key === 'number') return `${name}[${key}]`;
		return name ? `${name}.${String(key)}` : String(key);
	}, '');
}
