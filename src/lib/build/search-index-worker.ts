import { parentPort } from 'node:worker_threads';
import { faultPoint } from '../plumbing/fault.ts';
import { closePagefind, writePagefindIndex } from '../search/pagefind-index.ts';
import { finishSearchIndex, startSearchHeadStart, type HeadStart } from './search-head-start.ts';
import type { IndexerAnswer, IndexerMessage } from './search-indexer.ts';

// Pagefind's client, in a thread of its own (see search-indexer.ts).
let headStart: HeadStart | undefined;
parentPort!.on('message', async (message: IndexerMessage) => {
	if (message.kind === 'head start') headStart = startSearchHeadStart(message.cacheRoot, message.reportDir);
	else if (message.kind === 'stop') {
		await closePagefind();
		process.exit(0);
	} else {
		let answer: IndexerAnswer = { written: true };
		try {
			faultPoint('search');
			await writePagefindIndex(await finishSearchIndex(message.records, message.language, headStart), message.folder);
		} catch (error) {
			answer = { error: error instanceof Error ? error.message : String(error) };
		}
		await closePagefind();
		parentPort!.postMessage(answer);
	}
});
