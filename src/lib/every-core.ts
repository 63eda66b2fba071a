import { availableParallelism } from 'node:os';
import { parentPort, Worker, workerData } from 'node:worker_threads';

/** Below this many jobs a worker costs more to start than it saves. */
export const PARALLEL_FROM = 400;

/** The threads worth running: every core, up to eight. */
export const cores = () => Math.min(availableParallelism(), 8);

export interface Shared<J, S, R> {
	/** Does a share of the jobs in this thread. */
	here(jobs: readonly J[], setup: S): R[];
	/** A worker script that answers its share with `answerShare`. */
	worker: URL;
	/** What the work is, for the error when a worker dies: "rendering", "the offline edition". */
	name: string;
}

/** What a worker thread posts back; the worker's errors, and its death before it answers, reject. */
export function inWorker<R>(script: URL, data: unknown, name: string): Promise<R> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(script, { workerData: data });
		worker.once('message', (result: R) => {
			resolve(result);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`${name} stopped with exit code ${code}`)));
	});
}

/**
 * Many jobs on every core, in equal shares: this thread takes the first while workers take the others, and the
 * results come back in the order of the jobs. Few jobs, or one core, stay in this thread.
 */
export async function onEveryCore<J, S, R>(jobs: readonly J[], setup: S, work: Shared<J, S, R>): Promise<R[]> {
	const threads = cores();
	if (jobs.length < PARALLEL_FROM || threads < 2) return work.here(jobs, setup);
	const size = Math.ceil(jobs.length / threads);
	const shares = Array.from({ length: threads }, (_, index) => jobs.slice(index * size, (index + 1) * size));
	const others = shares.slice(1).map((share) => inWorker<R[]>(work.worker, { jobs: share, setup }, work.name));
	const mine = work.here(shares[0]!, setup);
	return [mine, ...(await Promise.all(others))].flat();
}

/** In a worker started by `onEveryCore`: does its share and posts the results back. */
export function answerShare<J, S, R>(here: (jobs: readonly J[], setup: S) => R[]): void {
	const { jobs, setup } = workerData as { jobs: J[]; setup: S };
	parentPort!.postMessage(here(jobs, setup));
}
