import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { parse } from 'yaml';
import { contentDir, FINDINGS_PATTERN, FLAT_PATTERN, hasMarkdown } from './lib/content-dirs.ts';
import { fileStem, findingId } from './lib/ids.ts';
import { findingSchema } from './schemas/finding.ts';
import { pageSchema } from './schemas/page.ts';
import { reportSchema } from './schemas/report.ts';
import { themeSchema } from './schemas/theme.ts';

const dir = contentDir();
const folder = (name: string) => pathToFileURL(join(dir, name, '/'));
const byStem = ({ entry }: { entry: string }) => fileStem(entry);
/** A folder the report does not have loads nothing, instead of making Astro warn that it is missing. */
// deferRender: Markdown is rendered when a page needs it, so that directives count from the current findings.
const flat = (name: string) => (hasMarkdown(dir, name) ? glob({ pattern: FLAT_PATTERN, base: folder(name), generateId: byStem, deferRender: true }) : () => []);

export const collections = {
	report: defineCollection({
		// The same YAML parser as `npm run check`, so that both read dates and numbers alike.
		loader: file(join(dir, 'report.yaml'), { parser: (text) => ({ report: parse(text) }) }),
		schema: reportSchema,
	}),
	themes: defineCollection({ loader: flat('themes'), schema: themeSchema }),
	findings: defineCollection({
		loader: glob({ pattern: FINDINGS_PATTERN, base: folder('findings'), generateId: ({ entry, data }) => findingId(data, entry), deferRender: true }),
		schema: findingSchema,
	}),
	pages: defineCollection({ loader: flat('pages'), schema: pageSchema }),
};
