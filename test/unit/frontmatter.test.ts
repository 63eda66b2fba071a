import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/lib/content/frontmatter.ts';
import { parseYaml } from '../../src/lib/content/yaml.ts';

describe('frontmatter', () => {
	it('accepts a byte-order mark and CRLF line endings, and keeps line numbers', () => {
		const source = parseMarkdown('\uFEFF---\r\ntitle: A\r\nthemes:\r\n  - x\r\n  - y\r\n---\r\nBody\r\n');
		if ('problem' in source) throw new Error(source.problem);
		expect(source.data).toEqual({ title: 'A', themes: ['x', 'y'] });
		expect(source.lineOf(['themes', 1])).toBe(5);
		expect(source.bodyLine).toBe(7);
		expect(source.body.trim()).toBe('Body');
	});

	it('keeps dates as text so that impossible dates are caught, not rolled over', () => {
		expect(parseYaml('opened: 2017-02-30').data).toEqual({ opened: '2017-02-30' });
	});

	it('points a missing field at the start of its parent', () => {
		const source = parseYaml('a: 1\nrecommendations:\n  - text: x\n    to: y\n  - text: z\n');
		expect(source.lineOf(['recommendations', 1, 'to'])).toBe(5);
		expect(source.lineOf(['nothing'])).toBe(1);
	});

	it('reports YAML syntax errors and duplicate keys with their line', () => {
		expect(parseYaml('title: a\ntitle: b\n').errors).toEqual([{ line: 2, message: 'Map keys must be unique' }]);
		const source = parseMarkdown('---\ntitle: ok\nsummary: [unclosed\n---\n');
		if ('problem' in source) throw new Error(source.problem);
		expect(source.errors[0]?.line).toBe(3);
	});

	it('explains files without usable frontmatter', () => {
		expect(parseMarkdown('')).toEqual({
			line: 1,
			problem: 'the file is empty; start it with ---, the fields (e.g. title: …), and another ---',
		});
		expect(parseMarkdown('Just text')).toEqual({
			line: 1,
			problem: 'the file must start with a line of three dashes (---) that opens the frontmatter',
		});
		expect(parseMarkdown('---\ntitle: x\n')).toEqual({
			line: 1,
			problem: 'the frontmatter is not closed; add a line of three dashes (---) after the last field',
		});
	});
});
