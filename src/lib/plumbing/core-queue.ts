import { parentPort } from 'node:worker_threads';
import type { Copyable } from './copyable.ts';
import { cores, PARALLEL_FROM, type Shared } from './cores.ts';
import { Thread } from './thread.ts';

/** Jobs are claimed this many at a time: few enough to keep every core busy to the end, enough to be worth a message. */
const CHUNK = 32;

/** A batch as posted to a worker: its jobs, and the counter of chunks claimed, shared by every thread. */
interface Posted<J, S> {
	id: number;
	jobs: readonly J[];
	setup: S;
	claims: SharedArrayBuffer;
}

interface Answer<R> {
	id: number;
	chunk: number;
	results: R[];
}

/** The next chunk nobody has claimed yet, or none when all are. */
function claim(claims: Int32Array, jobs: number): number | undefined {
	const chunk = Atomics.add(claims, 0, 1);
	return chunk * CHUNK < jobs ? chunk : undefined;
}

const chunkOf = <J>(jobs: readonly J[], chunk: number) => jobs.slice(chunk * CHUNK, (chunk + 1) * CHUNK);

export interface Batch {
	readonly id: number;
}

interface Pending<J, S, R> extends Batch {
	jobs: readonly J[];
	setup: S;
	claims: Int32Array;
	answers: R[][];
	left: number;
	done: PromiseWithResolvers<void>;
}

/**
 * Jobs handed to workers as soon as they are known, while this thread does other work: each batch is cut into
 * chunks that every thread claims from one shared counter, this one too once it calls `finish`, so the cores stay
 * busy whatever each chunk costs. Results come back in the order of the jobs. Call `close` when done.
 */
export class CoreQueue<J, S, R> {
	readonly #work: Shared<J, S, R>;
	readonly #batches = new Map<number, Pending<J, S, R>>();
	#workers: Thread<Posted<J, S>, Answer<R>>[] = [];
	#failure: Error | undefined;
	#closed = false;

	constructor(work: Shared<J, S, R>) {
		this.#work = work;
	}

	/** Hands jobs to the workers (started with the first large batch), which set to work on them at once. */
	add(jobs: readonly (J & Copyable<J>)[], setup: S & Copyable<S>): Batch {
		const claims = new Int32Array(new SharedArrayBuffer(4));
		const left = Math.ceil(jobs.length / CHUNK);
		const batch: Pending<J, S, R> = {
			id: this.#batches.size,
			jobs,
			setup,
			claims,
			answers: [],
			left,
			done: Promise.withResolvers(),
		};
		this.#batches.set(batch.id, batch);
		// A worker may fail before `finish` is called; `finish` still sees it.
		batch.done.promise.catch(() => undefined);
		// An empty batch is none of the workers' business, and a small first one not worth starting them for.
		if (!left) {
			batch.done.resolve();
			return batch;
		}
		if (!this.#workers.length && jobs.length >= PARALLEL_FROM) this.#start();
		const posted = { id: batch.id, jobs, setup, claims: claims.buffer as SharedArrayBuffer };
		for (const worker of this.#workers) worker.post(posted as Posted<J, S> & Copyable<Posted<J, S>>);
		return batch;
	}

	/** Does the chunks of the batch that no worker has claimed, then waits for theirs. */
	async finish({ id }: Batch): Promise<R[]> {
		const batch = this.#batches.get(id)!;
		for (let chunk = claim(batch.claims, batch.jobs.length); chunk !== undefined;) {
			this.#answer({ id, chunk, results: this.#work.here(chunkOf(batch.jobs, chunk), batch.setup) });
			chunk = claim(batch.claims, batch.jobs.length);
		}
		if (this.#failure) throw this.#failure;
		// The workers keep the process alive only while it waits for them.
		await this.#workers.reduce((waiting, worker) => worker.during(waiting), batch.done.promise);
		return batch.answers.flat();
	}

	/** Stops the workers, within a bound; call it in a `finally`. */
	async close(): Promise<void> {
		this.#closed = true;
		await Promise.all(this.#workers.map((worker) => worker.close()));
	}

	#start(): void {
		for (let index = 1; index < cores(); index++) {
			const worker = new Thread<Posted<J, S>, Answer<R>>(this.#work.worker, this.#work.name, (answer) =>
				this.#answer(answer),
			);
			worker.failed.catch((error: Error) => this.#fail(error));
			this.#workers.push(worker);
		}
	}

	#answer({ id, chunk, results }: Answer<R>): void {
		const batch = this.#batches.get(id)!;
		batch.answers[chunk] = results;
		if (--batch.left === 0) batch.done.resolve();
	}

	#fail(error: Error): void {
		if (this.#closed || this.#failure) return;
		this.#failure = error;
		for (const batch of this.#batches.values()) if (batch.left) batch.done.reject(error);
	}
}

/** In a worker started by a `CoreQueue`: claims chunks of each batch posted and answers each. */
export function serveQueue<J, S, R>(here: (jobs: readonly J[], setup: S) => R[]): void {
	parentPort!.on('message', ({ id, jobs, setup, claims }: Posted<J, S>) => {
		const counter = new Int32Array(claims);
		for (let chunk = claim(counter, jobs.length); chunk !== undefined; chunk = claim(counter, jobs.length))
			parentPort!.postMessage({ id, chunk, results: here(chunkOf(jobs, chunk), setup) } satisfies Answer<R>);
	});
}

/** Many jobs on every core, each thread claiming the next chunk as it comes free; results in the order of the jobs. */
export async function onEveryCore<J, S, R>(
	jobs: readonly (J & Copyable<J>)[],
	setup: S & Copyable<S>,
	work: Shared<J, S, R>,
): Promise<R[]> {
	const queue = new CoreQueue(work);
	try {
		return await queue.finish(queue.add(jobs, setup));
	} finally {
		await queue.close();
	}
}
