import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CoreQueue } from '../../src/lib/plumbing/core-queue.ts';
import { Thread } from '../../src/lib/plumbing/thread.ts';
import { ROOT } from '../support/run.ts';

const script = new URL('../support/thread-worker.ts', import.meta.url);
type Message = { echo?: { list: (number | string | Map<string, number>)[] }; fail?: string; spin?: true };

function thread() {
	const answers: unknown[] = [];
	const answered = Promise.withResolvers<unknown>();
	const started = new Thread<Message, unknown>(script, 'the test thread', (answer) => {
		answers.push(answer);
		answered.resolve(answer);
	});
	return { thread: started, answers, answered: answered.promise };
}

describe('a thread', () => {
	it('answers data, and names the path to a value that cannot be copied instead of posting it', async () => {
		const { thread: echo, answered } = thread();
		try {
			echo.post({ echo: { list: [1, 'two', new Map([['three', 3]])] } });
			expect(await echo.during(answered)).toEqual({ list: [1, 'two', new Map([['three', 3]])] });
			const carrying = { echo: { entry: { file: 'a.md', lineOf: () => 1 } } };
			// The types refuse it too; this is what happens to a value that carries more than its type says.
			expect(() => echo.post(carrying as unknown as Message)).toThrow(
				'the test thread: message.echo.entry.lineOf cannot be copied to another thread; this is a bug in Findings Report',
			);
		} finally {
			await echo.close();
		}
	});

	it('fails in one line naming its work when its code throws, rather than leave a waiter waiting', async () => {
		const { thread: failing, answered } = thread();
		try {
			failing.post({ fail: 'the index is broken' });
			await expect(failing.during(answered)).rejects.toThrow(/^the test thread failed: the index is broken$/);
		} finally {
			await failing.close();
		}
	});

	it('is ended by close even while its code never yields', async () => {
		const { thread: busy } = thread();
		busy.post({ spin: true });
		const started = performance.now();
		await busy.close();
		expect(performance.now() - started).toBeLessThan(6_000);
		expect(busy.closed).toBe(true);
	});

	it('never keeps a process alive by itself, though it listens for messages', () => {
		const code = `
			import { Thread } from './src/lib/plumbing/thread.ts';
			const thread = new Thread(new URL('./test/support/thread-worker.ts', 'file://${ROOT}/'), 'idle', () => {});
			console.log('started');`;
		const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
			cwd: ROOT,
			encoding: 'utf8',
			timeout: 20_000,
		});
		expect(result.stderr).toBe('');
		expect(result.stdout.trim()).toBe('started');
		expect(result.status).toBe(0);
	});

	it('cannot be handed a function through a core queue: the types refuse it', () => {
		const queue = new CoreQueue<{ lineOf: () => number }, undefined, number>({
			here: (jobs) => jobs.map(() => 0),
			worker: script,
			name: 'typed',
		});
		// @ts-expect-error a job holding a function is not data that can be copied
		queue.add([{ lineOf: () => 1 }], undefined);
		void queue.close();
	});
});
