import { describe, expect, it } from 'vitest';
import { CoreQueue } from '../../src/lib/plumbing/core-queue.ts';

const worker = new URL('../support/queue-worker.ts', import.meta.url);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));
const numbers = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);

function queue() {
	const here: number[] = [];
	const work = new CoreQueue<number, { failFrom?: number }, number>({
		here: (jobs) => {
			here.push(...jobs);
			return jobs.map((job) => job * 2);
		},
		worker,
		name: 'doubling',
	});
	return { work, here };
}

describe('the core queue', () => {
	it('has workers start on a batch while this thread is busy, and gives every batch’s results in order', async () => {
		const { work, here } = queue();
		try {
			const first = work.add(numbers(0, 2000), {});
			await sleep(500);
			const second = work.add(numbers(5000, 500), {});
			expect(await work.finish(first)).toEqual(numbers(0, 2000).map((n) => n * 2));
			expect(await work.finish(second)).toEqual(numbers(5000, 500).map((n) => n * 2));
			// The worker did its part of the first batch before this thread asked for it.
			expect(here.filter((n) => n < 2000).length).toBeLessThan(2000);
		} finally {
			await work.close();
		}
	});

	it('fails, rather than waits, when a worker fails', async () => {
		const { work } = queue();
		try {
			// Every job fails in the worker, which starts on the batch while this thread waits.
			const batch = work.add(numbers(0, 2000), { failFrom: 0 });
			await sleep(1000);
			await expect(work.finish(batch)).rejects.toThrow(/^doubling failed: job \d+ failed$/);
		} finally {
			await work.close();
		}
	});
});
