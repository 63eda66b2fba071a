// @ts-check
import { defineConfig } from 'astro/config';
import { findingsReport } from './src/integration/index.ts';
import { contentDir, outDir } from './src/lib/content-dirs.ts';
import { siteSettings } from './src/lib/site-settings.ts';

const { site, base } = siteSettings(contentDir());

// Report content never passes through Astro's Markdown or the bundler: the integration's loader hands Astro
// the project's own model, rendered by remark (see src/lib/content/load.ts).
export default defineConfig({
	site,
	base,
	outDir: outDir(),
	trailingSlash: 'always',
	build: { format: 'directory' },
	devToolbar: { enabled: false },
	integrations: [findingsReport()],
});
