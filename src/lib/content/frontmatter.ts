import matter from 'gray-matter';
import { parseYaml, type YamlSource } from './yaml.ts';

export interface MarkdownSource extends YamlSource {
	body: string;
	/** 1-based line in the file where the body starts. */
	bodyLine: number;
}

export type MarkdownProblem = { problem: string; line: number };

/** A Markdown file split at its frontmatter, which is not parsed yet. */
export interface SplitMarkdown {
	/** The frontmatter, from the end of the opening `---`, so that its line 1 is the file's. */
	yaml: string;
	body: string;
	/** 1-based line in the file where the body starts. */
	bodyLine: number;
}

const OPEN = '---';

/** gray-matter would run `---js` frontmatter as code: every engine but ours refuses. */
const refuse = () => {
	throw new Error('refused');
};

/**
 * Splits `---` frontmatter from the body with gray-matter, and parses the frontmatter with the project's YAML
 * rules (line numbers, strict dates, no tags). A UTF-8 byte-order mark and CRLF line endings are accepted;
 * line endings are made LF first, which keeps every line number.
 */
export function parseMarkdown(input: string): MarkdownSource | MarkdownProblem {
	const split = splitMarkdown(input);
	return 'problem' in split ? split : parseFrontmatter(split);
}

/** Parses the frontmatter of a split file (with `parse`, e.g. through a cache); no data when it has errors. */
export function parseFrontmatter(
	split: SplitMarkdown,
	parse: (yaml: string) => YamlSource = parseYaml,
): MarkdownSource {
	const source = parse(split.yaml);
	return {
		...source,
		data: source.errors.length ? undefined : (source.data ?? {}),
		body: split.body,
		bodyLine: split.bodyLine,
	};
}

/**
 * Splits the frontmatter from the body without parsing it, so that bodies can be rendered while the frontmatter
 * of other files is parsed.
 */
export function splitMarkdown(input: string): SplitMarkdown | MarkdownProblem {
	const text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	if (text.trim() === '')
		return { problem: 'the file is empty; start it with ---, the fields (e.g. title: …), and another ---', line: 1 };
	const firstBreak = text.indexOf('\n');
	const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
	if (firstLine.trimEnd() !== OPEN)
		return {
			problem: firstLine.startsWith(OPEN)
				? 'the first line must be exactly three dashes (---); remove what follows them'
				: 'the file must start with a line of three dashes (---) that opens the frontmatter',
			line: 1,
		};
	const unclosed = {
		problem: 'the frontmatter is not closed; add a line of three dashes (---) after the last field',
		line: 1,
	};
	if (firstBreak === -1) return unclosed;
	let yaml = '';
	const file = matter(text, {
		language: 'yaml',
		engines: {
			yaml: (source: string) => {
				yaml = source;
				return {};
			},
			js: refuse,
			javascript: refuse,
			json: refuse,
		},
	});
	// gray-matter takes everything up to a line starting with --- as the frontmatter, and the end of the file when
	// there is none; its closing line must be exactly ---, or the rest of that line would silently join the body.
	const matterEnd = OPEN.length + file.matter.length;
	if (!text.startsWith(`\n${OPEN}`, matterEnd)) return unclosed;
	const closeEnd = text.indexOf('\n', matterEnd + 1);
	const closeLine = text.slice(matterEnd + 1, closeEnd === -1 ? text.length : closeEnd);
	if (closeLine.trimEnd() !== OPEN)
		return {
			problem: `the frontmatter must close with a line of exactly three dashes (---), not "${closeLine.trim()}"`,
			line: 1 + countLines(text, matterEnd + 1),
		};
	const bodyStart = text.length - file.content.length;
	return { yaml, body: file.content, bodyLine: 1 + countLines(text, bodyStart) };
}

/** How many line breaks come before `end`. */
export function countLines(text: string, end: number): number {
	let lines = 0;
	for (let index = text.indexOf('\n'); index !== -1 && index < end; index = text.indexOf('\n', index + 1)) lines++;
	return lines;
}
