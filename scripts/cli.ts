import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { contentDir } from '../src/lib/content/dirs.ts';
import { displayPath } from '../src/lib/display-path.ts';
import { reloadContent } from '../src/lib/content/current.ts';
import type { ReportContent } from '../src/lib/content/load.ts';
import { count } from '../src/lib/format.ts';
import { formatProblem } from '../src/lib/problems.ts';

export const projectRoot = fileURLToPath(new URL('..', import.meta.url));

// Nothing leaves the machine: Astro would otherwise send usage telemetry, and its dev server would ask the package
// registry for its latest version (and invite an upgrade that breaks the pinned install).
process.env.ASTRO_TELEMETRY_DISABLED = '1';
process.env.ASTRO_DISABLE_UPDATE_CHECK = 'true';

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * A command's words: the report folder as its first word (`npm run build -- ../annual-audit`), the output folder as
 * `--out <folder>`, and the command's own options. They set REPORT_CONTENT and REPORT_OUT for the rest of the
 * command (Astro's config reads them too), taken from where the author typed it. With no folder named, by word
 * or variable, the command says once which report it works on, so that nobody edits the sample by mistake.
 */
export function commandArgs(options: Options, { folder = true } = {}) {
	const parsed = parseArgs({
		options: { ...options, out: { type: 'string' }, report: { type: 'string' } },
		allowPositionals: true,
	});
	const values = parsed.values as Record<string, string | boolean | undefined>;
	const named = values.report ?? (folder ? parsed.positionals[0] : undefined);
	// Taken from where the author typed the command, as contentDir() and outDir() take the variables.
	if (typeof named === 'string') process.env.REPORT_CONTENT = named;
	if (typeof values.out === 'string') process.env.REPORT_OUT = values.out;
	if (!process.env.REPORT_CONTENT)
		console.log(
			`Using the report in ${displayPath(contentDir())}; to use another, name its folder: npm run <command> -- <folder>.`,
		);
	return { values, positionals: folder ? parsed.positionals.slice(1) : parsed.positionals };
}

/** Reads the report folder, prints every content problem, and returns the content when the folder is valid. */
export async function reportProblems(dir: string): Promise<ReportContent | undefined> {
	return printProblems(await reloadContent(dir));
}

/** Prints every problem of a report folder already read, or what it holds; returns it when it is valid. */
export function printProblems(content: ReportContent): ReportContent | undefined {
	const { problems } = content;
	if (problems.length) {
		for (const problem of problems) console.error(formatProblem(problem));
		const files = new Set(problems.map((problem) => problem.file)).size;
		console.error(`\n${count(problems.length, 'problem')} in ${count(files, 'file')}.`);
		return undefined;
	}
	const drafts = content.findings.filter((finding) => finding.data.draft).length;
	const figures = Object.values(content.report?.data.figures ?? {}).filter((figure) => figure.equals).length;
	console.log(
		`Content is valid. ${count(content.findings.length, 'finding file')}: ${content.findings.length - drafts} published, ${count(drafts, 'draft')}. ${count(content.themes.length, 'theme')}, ${count(content.pages.length, 'page')}; ${count(figures, 'figure')} ${figures === 1 ? 'reconciles' : 'reconcile'}.`,
	);
	return content;
}

/** How long a command may take to exit once its work is done, before whatever it left running is stopped. */
const EXIT_WITHIN_MS = 10_000;

/**
 * Runs a command's body; an unexpected error is reported in one line, never as a stack trace. Every command ends:
 * the threads and processes it starts are ended where it stops, and should one still run once its work is done
 * (a bug), the command says so and exits rather than wait for it forever.
 */
export async function main(body: () => Promise<number> | number): Promise<void> {
	try {
		process.exitCode = await body();
	} catch (error) {
		console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
		if (process.env.DEBUG) console.error(error);
		process.exitCode = 1;
	}
	setTimeout(() => {
		console.error(
			'Something was still running after the command had finished; it was stopped (a bug in Findings Report).',
		);
		process.exit(process.exitCode || 1);
	}, EXIT_WITHIN_MS).unref();
}
