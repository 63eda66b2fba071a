import { satteri } from '@astrojs/markdown-satteri';
import { defineConfig } from 'astro/config';
import { findingsReport } from './src/integration.ts';
import { contentDir, outDir } from './src/lib/content-dirs.ts';
import { DIRECTIVE_FEATURES, directivesPlugin } from './src/lib/markdown-directives.ts';
import { renderContext } from './src/lib/render-context.ts';
import { siteSettings } from './src/lib/site-settings.ts';

const { site, base } = siteSettings(contentDir());

export default defineConfig({
	site,
	base,
	outDir: outDir(),
	trailingSlash: 'always',
	build: { format: 'directory' },
	devToolbar: { enabled: false },
	integrations: [findingsReport()],
	vite: {
		build: {
			rolldownOptions: {
				// Markdown rendered on demand (deferRender) carries Astro's own "use astro:head-inject" marker, which
				// the bundler warns about once per file; nothing of ours depends on it.
				onwarn(warning, warn) {
					if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
					warn(warning);
				},
			},
		},
	},
	markdown: {
		processor: satteri({ features: DIRECTIVE_FEATURES, mdastPlugins: [directivesPlugin(() => renderContext(contentDir()))] }),
	},
});
