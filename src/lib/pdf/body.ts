import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { chartFigure } from './chart.ts';
import { block, call, str, text } from './typst.ts';

/** What a body needs from the document it goes into. */
export interface BodyContext {
	/** The level of the entry's own heading: the body's headings go under it. */
	headingLevel: number;
	/** The file Typst reads for an image the site shows at `src`, or none to leave the image out (its alt stays). */
	image(src: string): string | undefined;
	/** Words for a chart's table and figure: its category and number columns are in the chart's payload. */
	language: string;
}

const HEADING = /^h([1-6])$/;

const className = (node: Element) => [node.properties.className ?? []].flat().map(String);

/**
 * The footnotes of a body, by the id of their item, as remark writes them (`<section data-footnotes>`): in the PDF
 * each note is a footnote where it is referenced.
 */
function footnotesOf(tree: Root): Map<string, Element> {
	const notes = new Map<string, Element>();
	const walk = (node: Root | Element, inNotes: boolean) => {
		for (const child of node.children) {
			if (child.type !== 'element') continue;
			if (inNotes && child.tagName === 'li' && typeof child.properties.id === 'string')
				notes.set(child.properties.id, child);
			walk(child, inNotes || 'dataFootnotes' in child.properties);
		}
	};
	walk(tree, false);
	return notes;
}

/**
 * A rendered body (the site's HTML of the same Markdown tree, sanitised) as Typst markup, element by element: the
 * elements the site allows are mapped, any other is its text; every text is a string literal.
 */
export function bodyToTypst(html: string, context: BodyContext): string {
	const tree = fromHtml(html, { fragment: true });
	const notes = footnotesOf(tree);
	// The body's heading levels in order, so that ## then #### read as two levels, none skipped.
	const levels = new Set<number>();
	const collect = (node: Root | Element) => {
		for (const child of node.children)
			if (child.type === 'element') {
				const match = HEADING.exec(child.tagName);
				if (match) levels.add(Number(match[1]));
				collect(child);
			}
	};
	collect(tree);
	const rank = new Map([...levels].sort().map((level, index) => [level, context.headingLevel + 1 + index]));
	// PDF/UA refuses a heading that skips a level: each goes at most one deeper than the one before it.
	let last = context.headingLevel;
	const levelOf = (written: number) => (last = Math.min(rank.get(written)!, last + 1));

	const inline = (nodes: readonly ElementContent[]): string => nodes.map(node).join('');
	const blocks = (nodes: readonly ElementContent[]): string =>
		nodes
			.map(node)
			.filter((part) => part.trim() !== '')
			.join('\n\n');

	function node(child: ElementContent): string {
		if (child.type === 'text') return text(child.value.replace(/\s+/g, ' '));
		if (child.type !== 'element') return '';
		const { tagName: tag, children } = child;
		const heading = HEADING.exec(tag);
		if (heading) {
			// A heading with no words (`#` alone) reads as nothing: PDF/UA refuses an empty one.
			if (!toText(child).trim()) return '';
			return `${call('heading', { level: String(levelOf(Number(heading[1]))), outlined: 'false' }, inline(children))}\n\n`;
		}
		if (className(child).includes('footnotes') || 'dataFootnotes' in child.properties) return '';
		if ('dataFootnoteRef' in child.properties) {
			const id = String(child.properties.href ?? '').replace(/^#/, '');
			const note = notes.get(id);
			return note ? call('footnote', {}, blocks(withoutBackLinks(note.children))) : '';
		}
		if ('dataFootnoteBackref' in child.properties) return '';
		if (tag === 'figure' && 'dataChart' in child.properties) return chartFromHtml(child, context);
		switch (tag) {
			case 'p':
				return `${inline(children)}\n\n`;
			case 'strong':
			case 'b':
				return call('strong', {}, inline(children));
			case 'em':
			case 'i':
				return call('emph', {}, inline(children));
			case 'del':
			case 's':
				return call('strike', {}, inline(children));
			case 'code':
				return `#raw(${str(toText(child))});`;
			case 'pre':
				return `#raw(${str(toText(child))}, block: true);\n\n`;
			case 'br':
				return '#linebreak();';
			case 'hr':
				return '#line(length: 100%);\n\n';
			case 'blockquote':
				return `${call('quote', { block: 'true' }, blocks(children))}\n\n`;
			case 'ul':
			case 'ol':
				return `${call(
					tag === 'ul' ? 'list' : 'enum',
					{},
					...children.filter((item): item is Element => item.type === 'element' && item.tagName === 'li').map(listItem),
				)}\n\n`;
			case 'table':
				return `${table(child)}\n\n`;
			case 'a':
				return link(child);
			case 'img':
				return image(child);
			case 'input':
				// A task list's box, read as its state.
				return text('checked' in child.properties && child.properties.checked ? '☑ ' : '☐ ');
			case 'sup':
				return call('super', {}, inline(children));
			case 'sub':
				return call('sub', {}, inline(children));
			default:
				// Allowed HTML with no Typst counterpart (span, abbr, kbd, mark, details…): its text, never its markup.
				return children.some(
					(each) => each.type === 'element' && /^(p|ul|ol|table|h\d|pre|blockquote|div)$/.test(each.tagName),
				)
					? blocks(children)
					: inline(children);
		}
	}

	function listItem(item: Element): string {
		// A list item of paragraphs (a loose list) reads as one.
		return item.children
			.map((part) => (part.type === 'element' && part.tagName === 'p' ? inline(part.children) : node(part)))
			.join('');
	}

	function link(anchor: Element): string {
		const href = String(anchor.properties.href ?? '');
		const words = toText(anchor).trim() ? inline(anchor.children) : text(href);
		if (/^(https?:|mailto:)/i.test(href)) return `#link(${str(href)})${block(words)}`;
		return words;
	}

	function image(img: Element): string {
		const alt = String(img.properties.alt ?? '');
		const file = context.image(String(img.properties.src ?? ''));
		if (!file) return text(alt);
		// An image with no alt text is decoration (the author said so with `![](…)`): an artifact, outside the tags.
		const shown = `image(${str(file)}, ${alt.trim() ? `alt: ${str(alt)}, ` : ''}width: 100%)`;
		return alt.trim() ? `#box(${shown});` : `#pdf.artifact(box(${shown}));`;
	}

	function table(node: Element): string {
		const rows: Element[] = [];
		const find = (parent: Element) => {
			for (const child of parent.children)
				if (child.type === 'element') {
					if (child.tagName === 'tr') rows.push(child);
					else find(child);
				}
		};
		find(node);
		const cells = (row: Element) =>
			row.children.filter((cell): cell is Element => cell.type === 'element' && /^t[hd]$/.test(cell.tagName));
		const width = Math.max(1, ...rows.map((row) => cells(row).length));
		const [head, ...body] = rows;
		const cell = (each: Element) => block(inline(each.children));
		const padded = (row: Element) => {
			const written = cells(row).map(cell);
			while (written.length < width) written.push('[]');
			return written;
		};
		// The first row is the header, as the site's tables have it: repeated on each page, tagged as header cells.
		return `#table(columns: ${width}, ${head ? `table.header(${padded(head).join(', ')}), ` : ''}${body.flatMap(padded).join(', ')});`;
	}

	return blocks(tree.children as ElementContent[]);
}

function withoutBackLinks(children: readonly ElementContent[]): ElementContent[] {
	return children.map((child) =>
		child.type === 'element'
			? {
					...child,
					children: withoutBackLinks(
						child.children.filter((each) => !(each.type === 'element' && 'dataFootnoteBackref' in each.properties)),
					),
				}
			: child,
	);
}

/** A chart in a body, drawn from the numbers its figure carries for the site's script, with its table. */
function chartFromHtml(figure: Element, context: BodyContext): string {
	const script = figure.children.find(
		(child): child is Element => child.type === 'element' && child.tagName === 'script',
	);
	const title = findClass(figure, 'chart-title');
	const summary = findClass(figure, 'chart-summary');
	const table = findTag(figure, 'table');
	if (!script) return '';
	const payload = JSON.parse(toText(script)) as { series: string[]; labels: string[]; values: number[][] };
	const category = table ? toText(findTag(table, 'th') ?? table).trim() : '';
	return chartFigure(
		{
			title: title ? toText(title) : '',
			summary: summary ? toText(summary) : '',
			category,
			series: payload.series,
			rows: payload.labels.map((label, index) => ({ key: label, label, values: payload.values[index]! })),
		},
		context.language,
	);
}

function findClass(node: Element, name: string): Element | undefined {
	for (const child of node.children)
		if (child.type === 'element') {
			if (className(child).includes(name)) return child;
			const found = findClass(child, name);
			if (found) return found;
		}
	return undefined;
}

function findTag(node: Element, tag: string): Element | undefined {
	for (const child of node.children)
		if (child.type === 'element') {
			if (child.tagName === tag) return child;
			const found = findTag(child, tag);
			if (found) return found;
		}
	return undefined;
}
