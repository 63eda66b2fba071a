import { availableParallelism } from 'node:os';

/** Below this many jobs a worker costs more to start than it saves. */
export const PARALLEL_FROM = 400;

/** The most threads worth running. */
const MOST = 8;

/**
 * The threads worth running: every core, up to eight; `REPORT_THREADS=1` keeps all the work in the command's own
 * thread (for debugging, and for tests that compare one thread with many), and any other number caps them.
 */
export function cores(): number {
	const setting = process.env.REPORT_THREADS;
	const asked = setting === undefined || setting === '' ? Number.NaN : Number(setting);
	const most = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, MOST) : MOST;
	return Math.min(availableParallelism(), most);
}

export interface Shared<J, S, R> {
	/** Does some of the jobs in this thread. */
	here(jobs: readonly J[], setup: S): R[];
	/** A worker script that does the others, with `serveQueue` (see core-queue.ts). */
	worker: URL;
	/** What the work is, for the error when a worker dies: "rendering", "the offline edition". */
	name: string;
}
