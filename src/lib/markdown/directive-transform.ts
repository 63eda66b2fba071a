import type { Nodes, Parent, PhrasingContent, Root } from 'mdast';
import type { ContainerDirective, LeafDirective, TextDirective } from 'mdast-util-directive';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import { evaluateDirective, type DirectiveContext } from './directives.ts';
import type { ChartData } from '../charts/charts.ts';

type DirectiveNode = TextDirective | LeafDirective | ContainerDirective;

export interface DirectiveOutcome {
	/** 1-based line within the Markdown body. */
	line: number;
	/** The directive as written, for messages. */
	source: string;
	message: string;
}

export interface DirectiveResults {
	errors: DirectiveOutcome[];
	charts: ChartData[];
}

/** Where a chart goes: an element that the sanitiser keeps (its id is prefixed, not removed) and no author can forge. */
export const chartPlaceholderId = (nonce: string, index: number) => `report-chart-${nonce}-${index}`;

/**
 * Replaces `:figure[…]`, `:count{…}`, `:sum{…}` and `::chart{…}` by what they stand for: text, or a placeholder
 * for the chart, drawn after sanitising since its HTML is ours. What is wrong with a directive is collected, and
 * shown in place (only `npm run dev` shows a page with one: the check stops a build first).
 */
export function transformDirectives(
	tree: Root,
	source: string,
	context: DirectiveContext,
	nonce: string,
): DirectiveResults {
	const results: DirectiveResults = { errors: [], charts: [] };
	const used = new Map<string, number>();
	visit(tree, (node: Nodes, index, parent: Parent | undefined) => {
		if (node.type !== 'textDirective' && node.type !== 'leafDirective' && node.type !== 'containerDirective')
			return undefined;
		if (!parent || index === undefined) return undefined;
		const directive = node as DirectiveNode;
		const start = directive.position?.start.offset ?? 0;
		const written = source.slice(start, directive.position?.end.offset ?? start);
		const attributes = directive.attributes ?? {};
		const base =
			directive.name === 'chart' ? `${attributes.metric ?? 'findings'}-by-${attributes.by ?? 'x'}` : directive.name;
		const seen = (used.get(base) ?? 0) + 1;
		used.set(base, seen);
		const result = evaluateDirective(
			{ type: directive.type, name: directive.name, label: toString(directive), attributes },
			context,
			seen > 1 ? `${base}-${seen}` : base,
		);
		let replacement: Nodes;
		if (result.kind === 'text') replacement = { type: 'text', value: result.text };
		else if (result.kind === 'literal') replacement = { type: 'text', value: written };
		else if (result.kind === 'chart') {
			const id = chartPlaceholderId(nonce, results.charts.length);
			results.charts.push(result.chart);
			replacement = { type: 'paragraph', children: [], data: { hName: 'div', hProperties: { id } } };
		} else {
			results.errors.push({ line: directive.position?.start.line ?? 1, source: written, message: result.message });
			const mark: PhrasingContent = {
				type: 'emphasis',
				children: [{ type: 'text', value: `${written}: ${result.message}` }],
				data: { hName: 'mark', hProperties: { className: ['directive-error'], title: result.message } },
			};
			replacement = directive.type === 'textDirective' ? mark : { type: 'paragraph', children: [mark] };
		}
		parent.children.splice(index, 1, replacement as never);
		return index + 1;
	});
	return results;
}
