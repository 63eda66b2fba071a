// @ts-check
import { defineConfig } from 'astro/config';
import { findingsReport } from './src/integration/index.ts';
import { contentDir, outDir } from './src/lib/content/dirs.ts';
import { siteSettings } from './src/lib/content/site-settings.ts';

const { site, base } = siteSettings(contentDir());

// Report content never passes through Astro's Markdown or the bundler: the integration's loader hands Astro
// the project's own model, rendered by remark (see src/lib/content/load.ts).
export default defineConfig({
	site,
	base,
	outDir: outDir(),
	trailingSlash: 'always',
	// Every page's Content-Security-Policy allows no inline script or style (see src/layouts/Base.astro): Astro
	// would otherwise inline a small stylesheet as <style> and a small script as an inline module.
	build: { format: 'directory', concurrency: 4, inlineStylesheets: 'never' },
	vite: { build: { assetsInlineLimit: 0 } },
	devToolbar: { enabled: false },
	integrations: [findingsReport()],
});
