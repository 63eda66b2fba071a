import type { Loader } from 'astro/loaders';
import { contentDir } from '../lib/content/dirs.ts';
import { loadedContent, reloadAfterSave } from '../lib/content/current.ts';
import { languageView } from '../lib/content/language-view.ts';
import type { ReportContent } from '../lib/content/load.ts';

export type CollectionName = 'report' | 'themes' | 'findings' | 'pages' | 'editions';

/**
 * Astro's content loader for a report folder: it hands Astro the project's own model, read once and validated
 * by the project's schemas, with each body already rendered. Astro's glob loader and YAML parser never read the
 * report, so the site cannot disagree with `npm run check`. Drafts never reach the store.
 */
export function reportLoader(collection: CollectionName): Loader {
	return {
		name: 'findings-report',
		load: async ({ store, generateDigest, watcher }) => {
			const dir = contentDir();
			const fill = (content: ReportContent) => {
				store.clear();
				if (collection === 'editions') {
					for (const snapshot of content.editions) store.set({ id: snapshot.asAt, data: snapshot });
					return;
				}
				// The report's own language under each entry's id, every other under `<tag>/<id>` (see data/language.ts).
				for (const language of content.languages) {
					const view = languageView(content, language);
					if (!view) continue;
					const own = language === content.languages[0];
					if (collection === 'report') {
						store.set({ id: own ? 'report' : language, data: view.report });
						continue;
					}
					for (const entry of view[collection]) {
						if ('draft' in entry.data && entry.data.draft) continue;
						store.set({
							id: own ? entry.id : `${language}/${entry.id}`,
							data: entry.data,
							body: entry.body,
							rendered: {
								html: entry.html,
								metadata: { hasChart: entry.hasChart, opensWithHeading: entry.opensWithHeading },
							},
							digest: generateDigest(entry.html),
						});
					}
				}
			};
			fill(await loadedContent(dir));
			// In `npm run dev`: after a save anywhere in the report folder (a :count in a chapter depends on every
			// finding), read it again and store what changed; Astro then reloads the open page.
			watcher?.add(dir);
			watcher?.on('all', (_event, path) => {
				if (path.startsWith(dir)) void reloadAfterSave(dir).then(fill);
			});
		},
	};
}
