// @ts-check
import { defineConfig } from 'astro/config';

// The floor of the benchmark: the same URLs and output format as the report site, and nothing else.
export default defineConfig({
	outDir: process.env.FLOOR_OUT ?? './dist',
	trailingSlash: 'always',
	build: { format: 'directory' },
	devToolbar: { enabled: false },
});
