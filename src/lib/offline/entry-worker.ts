import { serveQueue } from '../plumbing/core-queue.ts';
import { makeEntriesHere } from './edition-entries.ts';

// Batches of the edition's files, made beside the thread that writes the zip (see edition-entries.ts).
serveQueue(makeEntriesHere);
