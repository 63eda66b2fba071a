import type { Problem } from '../problems.ts';

/** The line a field was written on, given its path in the file's YAML: `['recommendations', 1, 'to']`. */
export type LineOf = (path: readonly PropertyKey[]) => number;

/**
 * Where each field of each file was written, by file. It lives apart from the content, which stays plain data that
 * can be copied to any thread: a line is worked out from the YAML tree, which only the checks need.
 */
export class SourceLines {
	readonly #byFile = new Map<string, LineOf>();

	set(file: string, lineOf: LineOf): void {
		this.#byFile.set(file, lineOf);
	}

	/** The line of `path` in `file`; the first line when the file's YAML is not known. */
	of(file: string, path: readonly PropertyKey[]): number {
		return this.#byFile.get(file)?.(path) ?? 1;
	}

	/** A problem at the line where `path` was written in the entry's file. */
	at(entry: { file: string }, path: readonly PropertyKey[], field: string, message: string): Problem {
		return { file: entry.file, line: this.of(entry.file, path), field, message };
	}
}
