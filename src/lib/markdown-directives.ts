import { defineMdastPlugin, markdownToHtml as satteriToHtml, type MdastPluginEntry } from 'satteri';
import { chartHtml } from './chart-html.ts';
import { chartCsv } from './charts.ts';
import { evaluateDirective, type Directive, type DirectiveContext, type DirectiveResult } from './directives.ts';
import type { Problem } from './problems.ts';
import { escapeHtml } from './table-render.ts';

export const DIRECTIVE_FEATURES = { directive: true } as const;

export interface DirectiveHit {
	/** 1-based line within the Markdown the plugin was given. */
	line: number;
	source: string;
	result: DirectiveResult;
}

type DirectiveNode = { type: Directive['type']; name: string; attributes?: Directive['attributes'] | null; position?: { start: { line: number; offset?: number }; end: { offset?: number } } };

/**
 * The satteri plugin that replaces `:figure[…]`, `:count{…}`, `:sum{…}` and `::chart{…}` by what they stand
 * for. The site renders with it and `npm run check` parses with it, so both read directives the same way.
 * Without a context (the report itself is broken) it leaves the Markdown alone.
 */
export function directivesPlugin(context: () => DirectiveContext | undefined, onHit?: (hit: DirectiveHit) => void): MdastPluginEntry {
	return ({ source }) => {
		const ctx = context();
		if (!ctx) return null;
		const used = new Map<string, number>();
		const visit = (node: DirectiveNode, label: string) => {
			const start = node.position?.start.offset ?? 0;
			const text = source.slice(start, node.position?.end.offset ?? start);
			const base = node.name === 'chart' ? `${node.attributes?.metric ?? 'findings'}-by-${node.attributes?.by ?? 'x'}` : node.name;
			const seen = (used.get(base) ?? 0) + 1;
			used.set(base, seen);
			const result = evaluateDirective({ type: node.type, name: node.name, label, attributes: node.attributes ?? {} }, ctx, seen > 1 ? `${base}-${seen}` : base);
			onHit?.({ line: node.position?.start.line ?? 1, source: text, result });
			if (result.kind === 'text') return { type: 'text' as const, value: result.text };
			if (result.kind === 'literal') return { type: 'text' as const, value: text };
			if (result.kind === 'chart')
				return { type: 'html' as const, value: chartHtml(result.chart, ctx.charts.language, `data:text/csv;charset=utf-8,${encodeURIComponent(chartCsv(result.chart))}`) };
			// Only seen in `npm run dev`: a build stops at the check before it gets here.
			return { type: 'html' as const, value: `<mark class="directive-error" title="${escapeHtml(result.message)}">${escapeHtml(text)}: ${escapeHtml(result.message)}</mark>` };
		};
		return defineMdastPlugin({
			name: 'findings-report-directives',
			options: { position: true },
			textDirective: (node, ctx2) => visit(node as DirectiveNode, ctx2.textContent(node)),
			leafDirective: (node, ctx2) => visit(node as DirectiveNode, ctx2.textContent(node)),
			containerDirective: (node, ctx2) => visit(node as DirectiveNode, ctx2.textContent(node)),
		});
	};
}

/** Markdown to HTML with the directives, synchronously: every visitor of ours is synchronous. */
export function markdownToHtml(markdown: string, context: DirectiveContext, onHit?: (hit: DirectiveHit) => void): string {
	const result = satteriToHtml(markdown, { features: DIRECTIVE_FEATURES, mdastPlugins: [directivesPlugin(() => context, onHit)] });
	if (result instanceof Promise) throw new Error('satteri rendered asynchronously; the directive check needs it synchronous');
	return result.html;
}

/** Every directive problem of a Markdown body, at its line in the file. */
export function directiveProblems(body: string, bodyLine: number, file: string, context: DirectiveContext): Problem[] {
	const problems: Problem[] = [];
	markdownToHtml(body, context, ({ line, source, result }) => {
		if (result.kind === 'error') problems.push({ file, line: bodyLine + line - 1, field: 'body', message: `${source}: ${result.message}` });
	});
	return problems;
}

/** Whether a body draws a chart, so that its page loads the chart script (and only then). */
export function hasChartDirective(body: string | undefined): boolean {
	return /^\s*::chart\{/m.test(body ?? '');
}
