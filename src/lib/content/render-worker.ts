import { serveQueue } from '../plumbing/core-queue.ts';
import { ImageRegistry } from './images.ts';
import { renderJobs, type RenderJob, type RenderSetup } from './render-pool.ts';

// Bodies rendered beside the main thread (see render-pool.ts), with one registry for the images of them all.
let images: ImageRegistry | undefined;
serveQueue((jobs: readonly RenderJob[], setup: RenderSetup) =>
	renderJobs(jobs, setup, (images ??= new ImageRegistry(setup.dir, setup.base))),
);
