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
