import { getCollection } from 'astro:content';
import type { Snapshot } from '../schemas/edition.ts';
import { contentDir } from '../lib/content/dirs.ts';
import { currentContent } from '../lib/content/current.ts';
import { compareEditions, findingHistory, type EditionChanges } from '../lib/editions/compare.ts';
import { makeSnapshot } from '../lib/editions/snapshot.ts';
import { currentLanguage } from './language.ts';
import { getFindings, getReport, getThemes, once } from './report.ts';

export interface Editions {
	/** Earlier editions, oldest first. */
	earlier: Snapshot[];
	/** This edition, as a snapshot would record it. */
	current: Snapshot;
	/** What changed since the latest earlier edition; none when this is the first. */
	changes?: EditionChanges | undefined;
}

/** The report's editions, read and compared once per reading of the report folder. */
export function getEditions(): Promise<Editions> {
	return once(`editions ${currentLanguage()}`, async () => {
		const earlier = currentContent(contentDir()).editions.length
			? (await getCollection('editions')).map((entry) => entry.data).sort((a, b) => (a.asAt < b.asAt ? -1 : 1))
			: [];
		const current = makeSnapshot({
			report: await getReport(),
			themes: await getThemes(),
			findings: await getFindings(),
		});
		const latest = earlier.at(-1);
		return { earlier, current, changes: latest && compareEditions(latest, current) };
	});
}

/** A finding's status and outcome as at each edition, this one last. */
export async function historyOf(id: string) {
	const { earlier, current } = await getEditions();
	return findingHistory(id, [...earlier, current]);
}
