import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/** Below this many jobs a worker costs more to start than it saves. */
export const PARALLEL_FROM = 400;

/** The threads worth running: every core, up to eight. */
export const cores = () => Math.min(availableParallelism(), 8);

export interface Shared<J, S, R> {
	/** Does some of the jobs in this thread. */
	here(jobs: readonly J[], setup: S): R[];
	/** A worker script that does the others, with `serveQueue` (see core-queue.ts). */
	worker: URL;
	/** What the work is, for the error when a worker dies: "rendering", "the offline edition". */
	name: string;
}

/** A worker thread and what it posts back; the worker's errors, and its death before it answers, reject. */
export function startWorker<R>(script: URL, data: unknown, name: string): { worker: Worker; result: Promise<R> } {
	const worker = new Worker(script, { workerData: data });
	const result = new Promise<R>((resolve, reject) => {
		worker.once('message', (result: R) => {
			resolve(result);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`${name} stopped with exit code ${code}`)));
	});
	return { worker, result };
}
