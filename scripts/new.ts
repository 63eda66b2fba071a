import { basename } from 'node:path';
import { displayPath } from '../src/lib/display-path.ts';
import { contentDir } from '../src/lib/content/dirs.ts';
import { scaffold, scaffoldReport } from '../src/lib/content/scaffold.ts';
import { scaffoldStrings } from '../src/lib/content/strings-template.ts';
import { KINDS, type Kind } from '../src/lib/content/templates.ts';
import { commandArgs, main } from './cli.ts';

const USAGE = `usage: npm run new -- report <folder> ["Title"]
       npm run new -- <${KINDS.join('|')}> "Title" [--report <folder>]
       npm run new -- strings <language> [--report <folder>]`;

/** Starts a report folder, or adds a finding, theme or chapter to one from a template; never writes over a file. */
await main(() => {
	const [kind] = process.argv.slice(2);
	if (kind === 'report') return newReport();
	const { positionals } = commandArgs({}, { folder: false });
	if (kind === 'strings') return newStrings(positionals[1]);
	const title = positionals.slice(1).join(' ').trim();
	if (!kind || !(KINDS as readonly string[]).includes(kind) || !title) {
		console.error(USAGE);
		return 1;
	}
	const result = scaffold(contentDir(), kind as Kind, title);
	if (!result.ok) {
		console.error(result.message);
		return 1;
	}
	console.log(`Wrote ${displayPath(result.path)}`);
	for (const translation of result.translations ?? []) console.log(`Wrote ${displayPath(translation)}, to translate`);
	if (kind === 'finding') console.log('It is a draft: fill in its fields, then remove `draft: true` to publish it.');
	return 0;
});

function newStrings(tag: string | undefined): number {
	if (!tag) {
		console.error(USAGE);
		return 1;
	}
	const result = scaffoldStrings(contentDir(), tag);
	if (!result.ok) {
		console.error(result.message);
		return 1;
	}
	console.log(
		`Wrote ${displayPath(result.path)}: the site's own words, to translate. npm run check lists any still missing.`,
	);
	return 0;
}

function newReport(): number {
	const [, folder, ...words] = process.argv.slice(2);
	if (!folder) {
		console.error(USAGE);
		return 1;
	}
	const dir = contentDir({ ...process.env, REPORT_CONTENT: folder });
	const title = words.join(' ').trim() || `Report ${basename(dir)}`;
	const result = scaffoldReport(dir, title);
	if (!result.ok) {
		console.error(result.message);
		return 1;
	}
	const shown = displayPath(dir);
	console.log(`Wrote a new report into ${shown}: report.yaml (every field explained), a theme, a chapter and a draft finding.
Next: npm run check -- ${shown}, then npm run dev -- ${shown} to preview it as you write.`);
	return 0;
}
