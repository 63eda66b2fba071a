import { contentDir } from '../src/lib/content/dirs.ts';
import { commandArgs, main, reportProblems } from './cli.ts';

/** `npm run check [-- <folder>]`: every problem of the report folder, as file:line: field: message. */
await main(async () => {
	commandArgs({});
	return (await reportProblems(contentDir())) ? 0 : 1;
});
