import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content/dirs.ts';
import { searchIndexPath } from '../lib/build/leftovers.ts';
import { CACHE_ROOT, currentContent } from '../lib/content/current.ts';
import { finishBuild, startOfflineEdition, startSearchIndex, type SearchIndexing } from './build-steps.ts';
import type { WriteEdition } from '../lib/offline/edition.ts';
import { devServer } from './dev-server.ts';

/**
 * Findings Report inside Astro: in `npm run dev`, the report folder is read again after every save (see
 * dev-server.ts); in a build, the images, search index, offline edition and service worker are written once
 * Astro has written the pages, from the same content.
 */
export function findingsReport(): AstroIntegration {
	let base = '/';
	let started = performance.now();
	let search: SearchIndexing | undefined;
	let edition: WriteEdition | undefined;
	return {
		name: 'findings-report',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:server:setup': (options) => devServer(options, base),
			'astro:build:start': () => {
				started = performance.now();
				const content = currentContent(contentDir());
				search = startSearchIndex(content, searchIndexPath(CACHE_ROOT, process.pid));
				edition = startOfflineEdition(content, search);
			},
			'astro:build:done': async ({ dir }) => {
				if (process.env.BUILD_TIMES) console.log(`pages: ${((performance.now() - started) / 1000).toFixed(1)} s`);
				const content = currentContent(contentDir());
				search ??= startSearchIndex(content, searchIndexPath(CACHE_ROOT, process.pid));
				edition ??= startOfflineEdition(content, search);
				await finishBuild(decodeURIComponent(dir.pathname), content, search, edition);
			},
		},
	};
}
