import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadReport, type ReportContent } from './load.ts';
import { FrontmatterCache } from './frontmatter-cache.ts';
import { RenderCache } from './render-cache.ts';
import { session } from '../session.ts';

/** The install's cache: rendered Markdown and parsed frontmatter kept between builds, per report folder. */
export const CACHE_ROOT = join(
	fileURLToPath(new URL('../../..', import.meta.url)),
	'node_modules',
	'.cache',
	'findings-report',
);

// The build script, Astro's content loader and the dev server's integration share one reading (see session.ts).
const shared = session();

/** Reads a report folder through the caches, and makes it the one every part of this process uses. */
export async function reloadContent(dir: string): Promise<ReportContent> {
	const content = await loadReport(dir, {
		cache: RenderCache.forReport(CACHE_ROOT, dir),
		frontmatter: FrontmatterCache.forReport(CACHE_ROOT, dir),
	});
	shared.content = content;
	for (const listener of shared.listeners) listener(content);
	return content;
}

/**
 * Reads the folder again after a save. One save reaches each collection's loader: they wait a moment and share one
 * reading, and so do the saves of an editor that writes several files at once.
 */
export function reloadAfterSave(dir: string): Promise<ReportContent> {
	shared.pending ??= new Promise((resolve) => setTimeout(resolve, 50)).then(() => {
		shared.pending = undefined;
		return reloadContent(dir);
	});
	return shared.pending;
}

/** Calls `listener` with every new reading of the folder (the dev server's problems banner and search index). */
export function onContentReloaded(listener: (content: ReportContent) => void): void {
	shared.listeners.push(listener);
}

/** The report folder as last read, or read now. */
export async function loadedContent(dir: string): Promise<ReportContent> {
	const content = shared.content;
	return content?.dir === dir ? content : reloadContent(dir);
}

/** The report folder as last read; pages are rendered after the loader has read it. */
export function currentContent(dir: string): ReportContent {
	const content = shared.content;
	if (content?.dir !== dir) throw new Error(`${dir} has not been read yet; this is a bug in Findings Report`);
	return content;
}
