import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../src/lib/content-dirs.ts';
import { EDITIONS_FOLDER } from '../src/lib/content/editions.ts';
import { displayPath } from '../src/lib/display-path.ts';
import { makeSnapshot } from '../src/lib/editions/snapshot.ts';
import { main, reportProblems } from './cli.ts';

/**
 * `npm run snapshot`: records this edition in `editions/<asAt>.json` of the report folder, for the next edition
 * to say what changed. Only a folder the check accepts is recorded, and an existing snapshot is never replaced.
 */
await main(async () => {
	const dir = contentDir();
	const content = await reportProblems(dir);
	if (!content?.report) {
		console.error('No snapshot was written: fix the problems above first.');
		return 1;
	}
	const snapshot = makeSnapshot({ report: content.report.data, themes: content.themes, findings: content.findings });
	const path = join(dir, EDITIONS_FOLDER, `${snapshot.asAt}.json`);
	mkdirSync(join(dir, EDITIONS_FOLDER), { recursive: true });
	try {
		writeFileSync(path, `${JSON.stringify(snapshot, null, '\t')}\n`, { flag: 'wx' });
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		console.error(`${displayPath(path)} already exists; nothing was written. A snapshot records one edition: change asAt in report.yaml for the next one.`);
		return 1;
	}
	console.log(`Wrote ${displayPath(path)}: ${snapshot.findings.length} findings as at ${snapshot.asAt}.`);
	return 0;
});
