import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, snapshotSchema, type Snapshot } from '../../schemas/edition.ts';
import { displayPath } from '../display-path.ts';
import { validate } from './error-map.ts';
import type { Problem } from '../problems.ts';
import { parseYaml } from './yaml.ts';

export const EDITIONS_FOLDER = 'editions';

/**
 * The snapshots of earlier editions in `editions/<asAt>.json`, oldest first, each checked against its schema and
 * dated before this edition's `asAt` (one dated on or after it would compare the report with its own future).
 * JSON is read with the YAML parser, of which it is a part, so that a problem names its line.
 */
export function loadEditions(dir: string, asAt: string | undefined, problems: Problem[]): Snapshot[] {
	let names: string[];
	try {
		names = readdirSync(join(dir, EDITIONS_FOLDER))
			.filter((name) => name.endsWith('.json'))
			.sort();
	} catch {
		return [];
	}
	const snapshots: Snapshot[] = [];
	for (const name of names) {
		const file = displayPath(join(dir, EDITIONS_FOLDER, name));
		const source = parseYaml(readFileSync(join(dir, EDITIONS_FOLDER, name), 'utf8'));
		if (source.errors.length) {
			problems.push(
				...source.errors.map(({ line, message }) => ({
					file,
					line,
					field: 'json',
					message: `${message}; this is not valid JSON: take the file again from \`npm run snapshot\``,
				})),
			);
			continue;
		}
		// A file of another kind or version is said once, rather than as every field it lacks.
		const head = (source.data ?? {}) as { format?: unknown; version?: unknown };
		if (head.format !== SNAPSHOT_FORMAT) {
			problems.push({
				file,
				line: source.lineOf(['format']),
				field: 'format',
				message: `this is not an edition snapshot ("format" is not "${SNAPSHOT_FORMAT}"); keep only the files \`npm run snapshot\` writes in editions/`,
			});
			continue;
		}
		if (head.version !== SNAPSHOT_VERSION) {
			problems.push({
				file,
				line: source.lineOf(['version']),
				field: 'version',
				message: `${JSON.stringify(head.version)} is not a snapshot version this Findings Report reads (it reads ${SNAPSHOT_VERSION}); update Findings Report, or snapshot the edition again`,
			});
			continue;
		}
		const result = validate(snapshotSchema, source, file, 'snapshot');
		if (!result.data) {
			problems.push(
				...result.problems.map((problem) => ({
					...problem,
					message: `${problem.message} (an edition snapshot must be as \`npm run snapshot\` wrote it)`,
				})),
			);
			continue;
		}
		const snapshot = result.data;
		const at = (message: string) => problems.push({ file, line: source.lineOf(['asAt']), field: 'asAt', message });
		if (name !== `${snapshot.asAt}.json`)
			at(`is ${snapshot.asAt}, but the file is named ${name}; rename it ${snapshot.asAt}.json`);
		else if (asAt && snapshot.asAt >= asAt)
			at(
				`${snapshot.asAt} is not before this edition's asAt (${asAt}) in report.yaml; a snapshot records an earlier edition: set the new asAt in report.yaml, or remove this file`,
			);
		else snapshots.push(snapshot);
	}
	return snapshots;
}
