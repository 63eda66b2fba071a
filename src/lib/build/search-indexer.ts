import { Worker } from 'node:worker_threads';
import type { SearchRecord } from '../search/records.ts';

/** What the indexer's worker is told: where the last build's records are kept, then the records to index. */
export type IndexerMessage =
	| { kind: 'head start'; cacheRoot: string; reportDir: string }
	| { kind: 'index'; records: readonly SearchRecord[]; language: string; folder: string }
	| { kind: 'stop' };

export type IndexerAnswer = { written: true } | { error: string };

/**
 * Pagefind, driven from a worker thread of its own. Its Node API trades a message with Pagefind's process for every
 * record, and on the main thread those waited for the check and for Astro's rendering: 10,000 records took 9 s to
 * add rather than 5. Pagefind's process ends as soon as the index is written (it holds 300 MB until then).
 */
export class SearchIndexer {
	readonly #worker = new Worker(new URL('./search-index-worker.ts', import.meta.url));
	/** When the index is written (or fails); unlike `written()`, waiting for it keeps no process alive. */
	readonly done: Promise<void>;
	#exited = false;

	/** Starts Pagefind on the last build's records of the report's unchanged files (see search-head-start.ts). */
	constructor(headStart?: { cacheRoot: string; reportDir: string }) {
		// Only what waits for the index keeps the process alive: a build that fails must still end.
		this.#worker.unref();
		this.done = new Promise((resolve, reject) => {
			this.#worker.on('message', (answer: IndexerAnswer) =>
				'error' in answer ? reject(new Error(answer.error)) : resolve(),
			);
			this.#worker.once('error', reject);
			this.#worker.once('exit', () => {
				this.#exited = true;
				reject(new Error('the search index stopped before it was written'));
			});
		});
		// Awaited where the index is needed; a build that fails first must not also report this as unhandled.
		this.done.catch(() => undefined);
		if (headStart) this.#post({ kind: 'head start', ...headStart });
	}

	/** Indexes the records and writes the index into `folder`. */
	index(records: readonly SearchRecord[], language: string, folder: string): void {
		this.#post({ kind: 'index', records, language, folder });
	}

	/** When the index is written; the process waits for it. */
	written(): Promise<void> {
		this.#worker.ref();
		return this.done.finally(() => void this.#worker.terminate());
	}

	/** Ends Pagefind's process and the worker, whatever they were doing: the build stopped. */
	async stop(): Promise<void> {
		if (this.#exited) return;
		const exited = new Promise((resolve) => this.#worker.once('exit', resolve));
		this.#post({ kind: 'stop' });
		this.#worker.ref();
		await exited;
	}

	#post(message: IndexerMessage): void {
		this.#worker.postMessage(message);
	}
}
