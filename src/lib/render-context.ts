import type { DirectiveContext } from './directives.ts';
import { directiveContext } from './directive-context.ts';
import { loadContent } from './load.ts';

let cache: { dir: string; version: number; context: DirectiveContext | undefined } | undefined;
let version = 0;

/** The dev server calls this when a content file changes, so that the next page render counts afresh. */
export function invalidateRenderContext(): void {
	version++;
}

/** What the site's directives render from: the report folder read once per build, or once per change in dev. */
export function renderContext(dir: string): DirectiveContext | undefined {
	if (cache?.dir !== dir || cache.version !== version) cache = { dir, version, context: directiveContext(loadContent(dir)) };
	return cache.context;
}
