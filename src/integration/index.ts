import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { contentDir } from '../lib/content/dirs.ts';
import { currentContent } from '../lib/content/current.ts';
import { finishBuild, startBuildSteps } from './build-steps.ts';
import { devServer } from './dev-server.ts';

/**
 * Findings Report inside Astro: in `npm run dev`, the report folder is read again after every save (see
 * dev-server.ts); in a build, the images, search index, offline edition and service worker are written once
 * Astro has written the pages, from the same content.
 */
export function findingsReport(): AstroIntegration {
	let base = '/';
	let outDir = '';
	let started = performance.now();
	return {
		name: 'findings-report',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
				outDir = fileURLToPath(config.outDir);
			},
			'astro:server:setup': (options) => devServer(options, base),
			'astro:build:start': () => {
				started = performance.now();
				// The edition makes its entries of the pages as Astro writes them into the output folder.
				startBuildSteps(currentContent(contentDir())).edition.ahead(outDir);
			},
			'astro:build:done': async ({ dir }) => {
				if (process.env.BUILD_TIMES) console.log(`pages: ${((performance.now() - started) / 1000).toFixed(1)} s`);
				await finishBuild(decodeURIComponent(dir.pathname), startBuildSteps(currentContent(contentDir())));
			},
		},
	};
}
