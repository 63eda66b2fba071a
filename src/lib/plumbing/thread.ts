import { Worker } from 'node:worker_threads';
import { uncopyablePath, type Copyable } from './copyable.ts';

/** How long `close` waits for a thread to end: `terminate` waits for the thread's running code to yield. */
const CLOSE_WITHIN_MS = 5_000;

/** The one line a failed thread is reported in: what it was doing, and what went wrong. */
const failure = (name: string, error: unknown) =>
	new Error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);

/**
 * A worker thread under the rules every thread of the project follows:
 * - only data that can be copied is posted (`Copyable` for the types, and a path to the culprit when a value
 *   carries more than its type says);
 * - it is unreferenced once its listeners are attached: a thread never keeps a command alive by itself, only while
 *   the command waits for it (`during`) or closes it;
 * - its failure, or its end before `close`, rejects `failed` with one line naming the work;
 * - `close` ends it within a bound, so that a `finally` always can.
 */
export class Thread<In, Out = never> {
	readonly name: string;
	/** Rejects when the thread fails, or ends before it was closed; pending until then. */
	readonly failed: Promise<never>;
	readonly #worker: Worker;
	/** Once closing: every caller of `close` waits for the same end. */
	#closing: Promise<void> | undefined;
	#holds = 0;

	constructor(script: URL, name: string, onMessage: (message: Out) => void = () => undefined) {
		this.name = name;
		this.#worker = new Worker(script);
		const { promise, reject } = Promise.withResolvers<never>();
		this.failed = promise;
		// Awaited through `during`; a thread that fails while nobody waits must not be an unhandled rejection.
		promise.catch(() => undefined);
		this.#worker.on('message', onMessage);
		this.#worker.on('messageerror', (error) => reject(failure(name, error)));
		this.#worker.once('error', (error) => reject(failure(name, error)));
		this.#worker.once('exit', (code) => {
			if (!this.closed) reject(new Error(`${name} stopped unexpectedly (exit code ${code})`));
		});
		this.#worker.unref();
	}

	get closed(): boolean {
		return this.#closing !== undefined;
	}

	/** Posts a message; one that cannot be copied is a bug, named by the path to what could not be. */
	post(message: In & Copyable<In>): void {
		if (this.closed) return;
		try {
			this.#worker.postMessage(message);
		} catch (error) {
			const path = uncopyablePath(message);
			if (!path) throw failure(this.name, error);
			throw new Error(`${this.name}: ${path} cannot be copied to another thread; this is a bug in Findings Report`);
		}
	}

	/** Waits for `promise`, keeping the process alive for this thread meanwhile; rejects at once if the thread fails. */
	async during<T>(promise: Promise<T>): Promise<T> {
		if (this.#holds++ === 0) this.#worker.ref();
		try {
			return await Promise.race([promise, this.failed]);
		} finally {
			if (--this.#holds === 0) this.#worker.unref();
		}
	}

	/** Ends the thread, whatever it is doing, within a bound. */
	close(): Promise<void> {
		return (this.#closing ??= this.#end());
	}

	async #end(): Promise<void> {
		// Referenced until it has ended, or the process could leave with this still awaited (exit code 13).
		this.#worker.ref();
		let timer: NodeJS.Timeout | undefined;
		const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_WITHIN_MS)));
		await Promise.race([this.#worker.terminate().then(() => undefined), late]);
		clearTimeout(timer);
		this.#worker.unref();
	}
}
