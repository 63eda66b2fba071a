import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contentDir } from '../src/lib/content/dirs.ts';
import { EDITIONS_FOLDER } from '../src/lib/content/editions.ts';
import { displayPath } from '../src/lib/display-path.ts';
import { makeSnapshot } from '../src/lib/editions/snapshot.ts';
import { reloadContent } from '../src/lib/content/current.ts';
import { commandArgs, main, printProblems } from './cli.ts';

/**
 * `npm run snapshot`: records this edition in `editions/<asAt>.json` of the report folder, for the next edition
 * to say what changed. Only a folder the check accepts is recorded, and an existing snapshot is never replaced.
 */
await main(async () => {
	commandArgs({});
	const dir = contentDir();
	const read = await reloadContent(dir);
	const asAt = read.report?.data.asAt;
	const path = join(dir, EDITIONS_FOLDER, `${asAt}.json`);
	// Said first: the check would only report it as a snapshot dated on this edition's asAt.
	if (asAt && existsSync(path)) {
		console.error(
			`${displayPath(path)} already exists; nothing was written. A snapshot records one edition: set the next edition's asAt in report.yaml first.`,
		);
		return 1;
	}
	const content = printProblems(read);
	if (!content?.report) {
		console.error('No snapshot was written: fix the problems above first.');
		return 1;
	}
	const snapshot = makeSnapshot({ report: content.report.data, themes: content.themes, findings: content.findings });
	mkdirSync(join(dir, EDITIONS_FOLDER), { recursive: true });
	// 'wx': never replaces a snapshot, even one written since the look above.
	writeFileSync(path, `${JSON.stringify(snapshot, null, '\t')}\n`, { flag: 'wx' });
	console.log(`Wrote ${displayPath(path)}: ${snapshot.findings.length} findings as at ${snapshot.asAt}.`);
	return 0;
});
