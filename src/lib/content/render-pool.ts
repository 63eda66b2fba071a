import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
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

/** Below this many bodies a worker costs more to start than it saves. */
const PARALLEL_FROM = 400;

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

function inWorker(jobs: readonly RenderJob[], setup: RenderSetup): Promise<CachedRender[]> {
	return new Promise((resolve, reject) => {
		const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: { jobs, setup } });
		worker.once('message', (results: CachedRender[]) => {
			resolve(results);
			void worker.terminate();
		});
		worker.once('error', reject);
		worker.once('exit', (code) => reject(new Error(`rendering stopped with exit code ${code}`)));
	});
}

/**
 * Renders many bodies on every core: a report of 10,000 findings renders twice as fast on two. This thread takes
 * its share while the workers take theirs; results come back in the order of the jobs.
 */
export async function renderAll(
	jobs: readonly RenderJob[],
	setup: RenderSetup,
	images: ImageRegistry,
): Promise<CachedRender[]> {
	const cores = Math.min(availableParallelism(), 8);
	if (jobs.length < PARALLEL_FROM || cores < 2) return renderJobs(jobs, setup, images);
	const size = Math.ceil(jobs.length / cores);
	const shares = Array.from({ length: cores }, (_, index) => jobs.slice(index * size, (index + 1) * size));
	const others = shares.slice(1).map((share) => inWorker(share, setup));
	const mine = renderJobs(shares[0]!, setup, images);
	const results = [mine, ...(await Promise.all(others))].flat();
	for (const result of results) for (const image of result.images) images.files.set(image.source, image);
	return results;
}
