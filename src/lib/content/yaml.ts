import { isMap, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

/** Parsed YAML that remembers where each field was written, so that problems can name a line. */
export interface YamlSource {
	data: unknown;
	/** 1-based line in the file of the deepest part of `path` that exists. */
	lineOf(path: readonly PropertyKey[]): number;
	/**
	 * Syntax errors, unknown tags and broken aliases, with their 1-based line in the file; `explained` when the
	 * message says in plain words what to do, rather than in YAML's.
	 */
	errors: { line: number; message: string; explained?: boolean }[];
}

/** The line of the first alias (`*name`): where a failed alias expansion is reported. */
function firstAliasOffset(doc: Document): number {
	let offset = 0;
	visit(doc, {
		Alias(_, node) {
			offset = node.range?.[0] ?? 0;
			return visit.BREAK;
		},
	});
	return offset;
}

function aliasMessage(error: unknown): string {
	const message = error instanceof Error ? error.message : String(error);
	if (/resource exhaustion/i.test(message)) return 'too many aliases (*name) expand here; write the values out instead';
	if (/anchor must be set before/i.test(message))
		return `${message.replace(/^Unresolved alias \(the anchor must be set before the alias\): /, 'the alias *')} is used before its anchor (&name); define the anchor first`;
	return message;
}

/**
 * The YAML mistakes authors make most, said without YAML's words: what was read, and how to write it. `source` is
 * the line the error is on.
 */
function explain(code: string, source: string): string | undefined {
	const key = /^\s*([\w-]+):/.exec(source)?.[1] ?? 'field';
	const value = source.slice(source.indexOf(':') + 1).trim();
	const quoted = `${key}: "${value.length > 30 ? `${value.slice(0, 30)}…` : value}"`;
	if ((code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') && /:\s/.test(value))
		return `the ${key} holds ": " (a colon and a space), which reads as the start of another field; put the whole value in quotes: ${quoted}`;
	if (code === 'UNEXPECTED_TOKEN' && /^["'].*["']\s*\S/.test(value))
		return `text follows the closing quote of the ${key}; put the whole value in quotes, or remove what follows the quote`;
	if (code === 'BAD_SCALAR_START')
		return `the ${key} starts with a character that cannot begin a value as written (${value.slice(0, 1)}); put the whole value in quotes`;
	return undefined;
}

/**
 * Parses YAML with the core schema: dates stay text (so that 2017-02-30 is caught rather than rolled over
 * into March), duplicate keys are errors, and so are tags (`!!js/function`, `!custom`): a report has no use
 * for them, and other parsers would read them differently.
 */
export function parseYaml(text: string, firstLine = 1): YamlSource {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
	const lines = text.split('\n');
	const errors: YamlSource['errors'] = doc.errors.map((error) => {
		const line = toLine(error.pos[0]);
		const explained = explain(error.code, lines[line - firstLine] ?? '');
		return explained
			? { line, message: explained, explained: true }
			: { line, message: error.message.split('\n')[0] ?? error.message };
	});
	for (const warning of doc.warnings)
		if (warning.code === 'TAG_RESOLVE_FAILED')
			errors.push({
				line: toLine(warning.pos[0]),
				message: `${warning.message.replace('tag:yaml.org,2002:', '!!')} is not allowed; remove the tag and write a plain value`,
			});
	let data: unknown;
	if (!errors.length)
		try {
			data = doc.toJS({ maxAliasCount: 100 });
		} catch (error) {
			errors.push({ line: toLine(firstAliasOffset(doc)), message: aliasMessage(error) });
		}
	const lineOf = (path: readonly PropertyKey[]): number => {
		let node: unknown = doc.contents;
		let line = node && (node as Node).range ? toLine((node as Node).range![0]) : firstLine;
		for (const key of path) {
			if (isMap(node)) {
				const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
				if (!pair) break;
				const keyNode = pair.key as Node;
				if (keyNode.range) line = toLine(keyNode.range[0]);
				node = pair.value;
			} else if (isSeq(node) && typeof key === 'number') {
				const item = node.items[key] as Node | undefined;
				if (!item) break;
				if (item.range) line = toLine(item.range[0]);
				node = item;
			} else break;
		}
		return line;
	};
	return { data: errors.length ? undefined : data, lineOf, errors };
}
