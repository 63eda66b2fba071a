import { defineConfig } from 'astro/config';
import { contentDir, outDir } from './src/lib/content-dirs.ts';
import { siteSettings } from './src/lib/site-settings.ts';

const { site, base } = siteSettings(contentDir());

export default defineConfig({
	site,
	base,
	outDir: outDir(),
	trailingSlash: 'always',
	build: { format: 'directory' },
	devToolbar: { enabled: false },
});
