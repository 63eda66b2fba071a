import type { StartedSteps } from '../integration/build-steps.ts';
import type { Plan } from './build/page-reuse.ts';
import type { ReportContent } from './content/load.ts';
import type { Problem } from './problems.ts';

/**
 * What one command's parts share. The build script, Astro's content loader, its pages and the integration each load
 * the project's modules in a module graph of their own, so module state is not shared: the process is, through
 * this one holder.
 */
export interface Session {
	/** The report folder as last read, so that it is read once per build (or per save). */
	content?: ReportContent;
	/** A reading that several listeners of one save share. */
	pending?: Promise<ReportContent>;
	/** What is told of each new reading (the dev server's problems banner and search index). */
	listeners: ((content: ReportContent) => void)[];
	/** The build's search index and offline edition, started once the check has passed. */
	steps?: StartedSteps;
	/** Which finding pages a rebuild keeps from the previous site. */
	reuse?: Plan;
	/** The content problems the dev server last found, for the banner on every page. */
	devProblems: Problem[];
}

const KEY = Symbol.for('findings-report.session');
const holder = globalThis as typeof globalThis & { [KEY]?: Session };

/** This process's session. */
export function session(): Session {
	return (holder[KEY] ??= { listeners: [], devProblems: [] });
}

/** Ends every thread the session started (the search index, the offline edition), whatever they were doing. */
export async function closeSession(): Promise<void> {
	const { steps } = session();
	if (!steps) return;
	await Promise.all([steps.search.indexer.stop(), steps.edition.close(), steps.pdf?.close()]);
}
