import type { DirectiveContext } from '../markdown/directives.ts';
import { renderMarkdown } from '../markdown/render.ts';
import { ImageRegistry } from './images.ts';
import type { CachedRender } from './render-cache.ts';
import type { Problem } from '../problems.ts';
import { faultPoint } from '../plumbing/fault.ts';

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
	faultPoint('render');
	return jobs.map((job) => {
		const used = new Set<string>();
		try {
			const rendered = renderMarkdown({ ...job, context: setup.context, images: images.resolverFor(job.path, used) });
			return { ...rendered, images: [...used].map((source) => images.files.get(source)!) };
		} catch (error) {
			// One body that breaks the renderer is that file's problem, not the end of the command.
			return {
				html: '',
				text: '',
				hasChart: false,
				opensWithHeading: false,
				images: [],
				problems: [renderFailure(job, error)],
			};
		}
	});
}

function renderFailure(job: RenderJob, error: unknown): Problem {
	const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
	return {
		file: job.file,
		line: job.bodyLine,
		field: 'body',
		message: `the text could not be rendered (${reason}); simplify its Markdown (deep nesting is the usual cause), and report this as a bug in Findings Report`,
	};
}
