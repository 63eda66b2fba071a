import { parentPort } from 'node:worker_threads';

// For test/unit/thread.test.ts: echoes what it is sent, fails when told to, or keeps its thread busy for good.
parentPort!.on('message', (message: { echo?: unknown; fail?: string; spin?: true }) => {
	if (message.fail) throw new Error(message.fail);
	if (message.spin) for (;;);
	parentPort!.postMessage(message.echo);
});
