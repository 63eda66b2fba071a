import { parentPort, workerData } from 'node:worker_threads';
import { makeEntriesHere, type EntrySetup } from './edition-entries.ts';

// A share of the edition's files, made beside the thread that writes the zip (see edition-entries.ts).
const { jobs, setup } = workerData as { jobs: string[]; setup: EntrySetup };
parentPort!.postMessage(makeEntriesHere(jobs, setup));
