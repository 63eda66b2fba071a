import { mayHaveDirectives } from '../markdown/directive-syntax.ts';
import type { DirectiveContext } from '../markdown/directives.ts';
import { CoreQueue, type Batch } from '../plumbing/core-queue.ts';
import { directiveDigest } from './directive-context.ts';
import type { ImageRegistry } from './images.ts';
import { RenderCache, type CachedRender } from './render-cache.ts';
import { renderJobs, type RenderJob, type RenderSetup } from './render-pool.ts';

/** Bodies handed to the queue together, with their keys in the cache. */
interface Jobs {
	jobs: RenderJob[];
	keys: string[];
}

/**
 * Renders each body of a report once, or takes it from the cache, on every core: a report of 10,000 findings renders
 * twice as fast on two. Bodies with no directive render the same whatever the report holds, so they start on the
 * other cores as soon as they are read, while this thread parses the frontmatter; those that may hold one wait for
 * the report's context.
 */
export class BodyRenderer {
	readonly #dir: string;
	readonly #base: string;
	readonly #images: ImageRegistry;
	readonly #cache: RenderCache | undefined;
	readonly #queue: CoreQueue<RenderJob, RenderSetup, CachedRender>;
	/** The renders known so far, cached or made, by the path of their file. */
	readonly #known = new Map<string, CachedRender>();
	#started: (Jobs & { batch: Batch; paths: Set<string> }) | undefined;

	constructor(setup: { dir: string; base: string; images: ImageRegistry; cache: RenderCache | undefined }) {
		this.#dir = setup.dir;
		this.#base = setup.base;
		this.#images = setup.images;
		this.#cache = setup.cache;
		this.#queue = new CoreQueue({
			here: (jobs, renderSetup) => renderJobs(jobs, renderSetup, setup.images),
			worker: new URL('./render-worker.ts', import.meta.url),
			name: 'rendering',
		});
	}

	/** Starts on the bodies that need no context; a file that proves invalid later costs a render for nothing. */
	start(bodies: readonly RenderJob[]): void {
		const { jobs, keys } = this.#missing(
			// A footnote's labels are in the report's words, which come with the context.
			bodies.filter((body) => !mayHaveDirectives(body.body) && !body.body.includes('[^')),
			undefined,
		);
		const batch = this.#queue.add(jobs, { dir: this.#dir, base: this.#base, context: undefined });
		this.#started = { batch, jobs, keys, paths: new Set(jobs.map((job) => job.path)) };
	}

	/** What each valid entry's body renders to, in their order; `context` is missing when report.yaml is broken. */
	async render(entries: readonly RenderJob[], context: DirectiveContext | undefined): Promise<CachedRender[]> {
		const wanted = new Set(entries.map((entry) => entry.path));
		const { jobs, keys } = this.#missing(
			entries.filter((entry) => !this.#known.has(entry.path) && !this.#started?.paths.has(entry.path)),
			context && directiveDigest(context),
		);
		// Posted before the first batch is finished, so that no core waits between the two.
		const late = this.#queue.add(jobs, { dir: this.#dir, base: this.#base, context });
		if (this.#started) this.#keep(this.#started, await this.#finish(this.#started.batch), wanted, true);
		this.#keep({ jobs, keys }, await this.#finish(late), wanted, context !== undefined);
		return entries.map((entry) => this.#known.get(entry.path)!);
	}

	/** Ends the workers; call it in a `finally`. */
	close(): Promise<void> {
		return this.#queue.close();
	}

	async #finish(batch: Batch): Promise<CachedRender[]> {
		const results = await this.#queue.finish(batch);
		// Workers register the images of their jobs in registries of their own.
		for (const result of results) for (const image of result.images) this.#images.files.set(image.source, image);
		return results;
	}

	/** The bodies the cache does not have (an image changed since counts as not having it); the others are known. */
	#missing(bodies: readonly RenderJob[], digest: string | undefined): Jobs {
		const missing: Jobs = { jobs: [], keys: [] };
		for (const body of bodies) {
			const key = RenderCache.key({ file: body.file, body: body.body, base: this.#base, directives: digest });
			const cached = this.#cache?.get(key);
			if (cached && cached.images.every((image) => this.#images.reuse(image))) this.#known.set(body.path, cached);
			else {
				// Only the job's own fields: an entry carries much more than the worker needs.
				missing.jobs.push({ path: body.path, file: body.file, body: body.body, bodyLine: body.bodyLine });
				missing.keys.push(key);
			}
		}
		return missing;
	}

	/**
	 * Records the renders of valid entries. A body rendered without its report's context (report.yaml is broken)
	 * is not what the site would show, unless it has no directive: only then is it cached.
	 */
	#keep({ jobs, keys }: Jobs, results: CachedRender[], wanted: Set<string>, cacheable: boolean): void {
		jobs.forEach((job, index) => {
			if (!wanted.has(job.path)) return;
			this.#known.set(job.path, results[index]!);
			if (cacheable) this.#cache?.set(keys[index]!, results[index]!);
		});
	}
}
