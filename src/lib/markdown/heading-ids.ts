import GithubSlugger from 'github-slugger';
import type { Root, RootContent } from 'hast';
import { toText } from 'hast-util-to-text';
import { visit } from 'unist-util-visit';

/**
 * Ids the site's own pages use. An author's heading of the same name gets a suffix (`## Content` → `content-1`),
 * so that the skip link and the page's scripts keep finding their element.
 */
export const PAGE_IDS = [
	'content',
	'site-search',
	'theme-toggle',
	'dev-problems-title',
	'filter-q',
	'offline-edition',
	'search-input',
	'search-sort',
	'finding-details',
];

const HEADING = /^h[1-6]$/;

export const isHeading = (node: RootContent): boolean => node.type === 'element' && HEADING.test(node.tagName);

/** GitHub's heading ids, for links into a section; an id the author set on a heading in HTML is kept. */
export function addHeadingIds(tree: Root): void {
	const slugger = new GithubSlugger();
	for (const id of PAGE_IDS) slugger.slug(id);
	visit(tree, 'element', (node) => {
		if (!HEADING.test(node.tagName) || node.properties.id) return;
		node.properties.id = slugger.slug(toText(node));
	});
}
