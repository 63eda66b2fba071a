import { parentPort, workerData } from 'node:worker_threads';
import { renderJobs, type RenderJob, type RenderSetup } from './render-pool.ts';

// A share of a report's bodies, rendered beside the main thread (see render-pool.ts).
const { jobs, setup } = workerData as { jobs: RenderJob[]; setup: RenderSetup };
parentPort!.postMessage(renderJobs(jobs, setup));
