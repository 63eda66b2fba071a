import { serveQueue } from '../../src/lib/plumbing/core-queue.ts';

// Doubles numbers for test/unit/core-queue.test.ts, and fails on those it is told to.
serveQueue((jobs: readonly number[], setup: { failFrom?: number }) =>
	jobs.map((job) => {
		if (setup.failFrom !== undefined && job >= setup.failFrom) throw new Error(`job ${job} failed`);
		return job * 2;
	}),
);
