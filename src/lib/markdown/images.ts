import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';

/** An image as published: its address on the site and its size, which the page reserves before it loads. */
export interface PublishedImage {
	src: string;
	width: number;
	height: number;
}

/** Resolves an image address written in Markdown or HTML, relative to its file: published, or what is wrong. */
export type ImageResolver = (url: string) => PublishedImage | { problem: string };

export interface ImageProblem {
	node: Element;
	message: string;
}

/**
 * Every `<img>` of a body, from Markdown (inline or reference-style) or raw HTML: its source becomes the published
 * copy with its width and height, or is removed with a problem. So no image reaches a page from anywhere but the
 * report folder, and none is ever imported by the bundler.
 */
export function resolveImages(tree: Root, resolve: ImageResolver): ImageProblem[] {
	const problems: ImageProblem[] = [];
	visit(tree, 'element', (node) => {
		if (node.tagName !== 'img') return;
		const src = node.properties.src;
		if (typeof src !== 'string' || src.trim() === '') {
			problems.push({ node, message: 'an image needs a source, e.g. ![Description](../assets/chart.png)' });
			delete node.properties.src;
			return;
		}
		const resolved = resolve(src.trim());
		if ('problem' in resolved) {
			problems.push({ node, message: resolved.problem });
			delete node.properties.src;
			return;
		}
		node.properties.src = resolved.src;
		node.properties.width = resolved.width;
		node.properties.height = resolved.height;
		if (node.properties.alt === undefined) node.properties.alt = '';
	});
	return problems;
}
