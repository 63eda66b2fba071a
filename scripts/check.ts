import { contentDir } from '../src/lib/content/dirs.ts';
import { main, reportProblems } from './cli.ts';

await main(async () => ((await reportProblems(contentDir())) ? 0 : 1));
