import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

/** Parsed YAML that remembers where each field was written, so that problems can name a line. */
export interface YamlSource {
	data: unknown;
	/** 1-based line in the file of the deepest part of `path` that exists. */
	lineOf(path: readonly PropertyKey[]): number;
	/** Syntax errors, with their 1-based line in the file. */
	errors: { line: number; message: string }[];
}

/**
 * Parses YAML with the core schema: dates stay text (so that 2017-02-30 is caught rather than rolled over
 * into March), and duplicate keys are errors.
 */
export function parseYaml(text: string, firstLine = 1): YamlSource {
	const lineCounter = new LineCounter();
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
	const toLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
	const errors = doc.errors.map((error) => ({
		line: toLine(error.pos[0]),
		message: error.message.split('\n')[0] ?? error.message,
	}));
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
	return { data: errors.length ? undefined : doc.toJS(), lineOf, errors };
}

export interface MarkdownSource extends YamlSource {
	body: string;
	/** 1-based line in the file where the body starts. */
	bodyLine: number;
}

const FENCE = /^---[ \t]*$/;

/** Splits `---` frontmatter from the body. A UTF-8 byte-order mark and CRLF line endings are accepted. */
export function parseMarkdown(text: string): MarkdownSource | { problem: string; line: number } {
	const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
	if (lines.every((line) => line.trim() === ''))
		return { problem: 'the file is empty; start it with ---, the fields (e.g. title: …), and another ---', line: 1 };
	if (!FENCE.test(lines[0] ?? ''))
		return { problem: 'the file must start with a line of three dashes (---) that opens the frontmatter', line: 1 };
	const end = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
	if (end === -1)
		return { problem: 'the frontmatter is not closed; add a line of three dashes (---) after the last field', line: 1 };
	const yaml = parseYaml(lines.slice(1, end).join('\n'), 2);
	const data = yaml.errors.length ? undefined : (yaml.data ?? {});
	return { ...yaml, data, body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}
