import { parentPort } from 'node:worker_threads';
import { faultPoint } from '../plumbing/fault.ts';
import { closePagefind, indexRecords, writePagefindIndex } from '../search/pagefind-index.ts';
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
			// The head start is the report's own language's; each other language has an index of its own.
			for (const [index, { records, language, folder }] of message.indexes.entries())
				await writePagefindIndex(
					await (index === 0 ? finishSearchIndex(records, language, headStart) : indexRecords(records, language)),
					folder,
				);
		} catch (error) {
			answer = { error: error instanceof Error ? error.message : String(error) };
		}
		await closePagefind();
		parentPort!.postMessage(answer);
	}
});
