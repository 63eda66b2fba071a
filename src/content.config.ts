import { defineCollection } from 'astro:content';
import { reportLoader } from './integration/loader.ts';
import { snapshotSchema } from './schemas/edition.ts';
import { findingSchema } from './schemas/finding.ts';
import { pageSchema } from './schemas/page.ts';
import { reportSchema } from './schemas/report.ts';
import { themeSchema } from './schemas/theme.ts';

// The schemas give the collections their types; the loader has already validated the data with them.
export const collections = {
	report: defineCollection({ loader: reportLoader('report'), schema: reportSchema }),
	themes: defineCollection({ loader: reportLoader('themes'), schema: themeSchema }),
	findings: defineCollection({ loader: reportLoader('findings'), schema: findingSchema }),
	pages: defineCollection({ loader: reportLoader('pages'), schema: pageSchema }),
	editions: defineCollection({ loader: reportLoader('editions'), schema: snapshotSchema }),
};
