import { Thread } from '../plumbing/thread.ts';
import type { SearchRecord } from '../search/records.ts';

/** What the indexer's worker is told: where the last build's records are kept, then the records to index. */
export type IndexerMessage =
	| { kind: 'head start'; cacheRoot: string; reportDir: string }
	| { kind: 'index'; indexes: readonly LanguageIndex[] }
	| { kind: 'stop' };

/** One language's search records, and the folder its index is written to. */
export interface LanguageIndex {
	records: readonly SearchRecord[];
	language: string;
	folder: string;
}

export type IndexerAnswer = { written: true } | { error: string };

/**
 * Pagefind, driven from a worker thread of its own. Its Node API trades a message with Pagefind's process for every
 * record, and on the main thread those waited for the check and for Astro's rendering: 10,000 records took 9 s to
 * add rather than 5. Pagefind's process ends as soon as the index is written (it holds 300 MB until then).
 */
export class SearchIndexer {
	readonly #thread: Thread<IndexerMessage, IndexerAnswer>;
	/** When the index is written (or fails); unlike `written()`, waiting for it keeps no process alive. */
	readonly done: Promise<void>;
	/** Once stopping: the build's `finally` and its session both stop the indexer, and wait for one end. */
	#stopping: Promise<void> | undefined;

	/** Starts Pagefind on the last build's records of the report's unchanged files (see search-head-start.ts). */
	constructor(headStart?: { cacheRoot: string; reportDir: string }) {
		const answered = Promise.withResolvers<void>();
		this.#thread = new Thread<IndexerMessage, IndexerAnswer>(
			new URL('./search-index-worker.ts', import.meta.url),
			'the search index',
			(answer) => ('error' in answer ? answered.reject(new Error(answer.error)) : answered.resolve()),
		);
		this.done = Promise.race([answered.promise, this.#thread.failed]);
		// Awaited where the index is needed; a build that fails first must not also report this as unhandled.
		this.done.catch(() => undefined);
		if (headStart) this.#thread.post({ kind: 'head start', ...headStart });
	}

	/** Indexes each language's records, and writes each index into its folder: the report's own language first. */
	index(indexes: readonly LanguageIndex[]): void {
		this.#thread.post({ kind: 'index', indexes });
	}

	/** When the index is written; the process waits for it, and the thread ends then. */
	async written(): Promise<void> {
		try {
			await this.#thread.during(this.done);
		} finally {
			await this.#thread.close();
		}
	}

	/**
	 * Ends Pagefind's process and the worker, whatever they were doing: the build stopped. The worker is given a
	 * moment to end Pagefind's process, then ended within a bound whatever it does.
	 */
	stop(): Promise<void> {
		return (this.#stopping ??= this.#stop());
	}

	async #stop(): Promise<void> {
		if (this.#thread.closed) return;
		this.#thread.post({ kind: 'stop' });
		// The worker exits once Pagefind's process has ended, which `during` sees as the thread's end.
		const moment = new Promise((resolve) => setTimeout(resolve, 2_000));
		await this.#thread.during(moment).catch(() => undefined);
		await this.#thread.close();
	}
}
