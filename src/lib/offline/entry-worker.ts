import { answerShare } from '../every-core.ts';
import { makeEntriesHere } from './edition-entries.ts';

// A share of the edition's files, made beside the thread that writes the zip (see edition-entries.ts).
answerShare(makeEntriesHere);
