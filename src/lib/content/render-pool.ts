import { CoreQueue, type Batch } from '../core-queue.ts';
import type { DirectiveContext } from '../markdown/directives.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { ImageRegistry } from './images.ts';
import type { CachedRender } from './render-cache.ts';

/** One body to render: where its file is (images resolve from there) and how it is named in problems. */
export interface RenderJob {
	path: string;
	file: string;
	body: string;
	bodyLine: number;
}

export interface RenderSetup {
	dir: string;
	base: string;
	context: DirectiveContext | undefined;
}

/** Renders bodies one after another in this thread, registering their images. */
export function renderJobs(
	jobs: readonly RenderJob[],
	setup: RenderSetup,
	images = new ImageRegistry(setup.dir, setup.base),
): CachedRender[] {
	return jobs.map((job) => {
		const used = new Set<string>();
		const rendered = renderMarkdown({ ...job, context: setup.context, images: images.resolverFor(job.path, used) });
		return { ...rendered, images: [...used].map((source) => images.files.get(source)!) };
	});
}

/**
 * Renders bodies on every core, as soon as they are known: a report of 10,000 findings renders twice as fast on two
 * cores, and bodies that need no context render while this thread still reads the frontmatter.
 */
export class RenderQueue {
	readonly #images: ImageRegistry;
	readonly #queue: CoreQueue<RenderJob, RenderSetup, CachedRender>;

	constructor(images: ImageRegistry) {
		this.#images = images;
		this.#queue = new CoreQueue({
			here: (jobs, setup) => renderJobs(jobs, setup, images),
			worker: new URL('./render-worker.ts', import.meta.url),
			name: 'rendering',
		});
	}

	/** Starts on the bodies; `finish` gives what they render to. */
	add(jobs: readonly RenderJob[], setup: RenderSetup): Batch {
		return this.#queue.add(jobs, setup);
	}

	async finish(batch: Batch): Promise<CachedRender[]> {
		const results = await this.#queue.finish(batch);
		// Workers register the images of their jobs in registries of their own.
		for (const result of results) for (const image of result.images) this.#images.files.set(image.source, image);
		return results;
	}

	close(): void {
		this.#queue.close();
	}
}
