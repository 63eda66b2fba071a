import { answerShare } from '../every-core.ts';
import { renderJobs } from './render-pool.ts';

// A share of a report's bodies, rendered beside the main thread (see render-pool.ts).
answerShare(renderJobs);
