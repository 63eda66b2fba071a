import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { MARKER, isPreviousBuild } from './marker.ts';
import { firstSegmentBelow, isInside, realPath } from './paths.ts';

/** What is at the output path now. */
export type OutputState =
	| { kind: 'missing' }
	/** An existing part of the path is a file, so the folder cannot be made. */
	| { kind: 'blocked'; by: string }
	| { kind: 'not-folder' }
	| { kind: 'empty' }
	| { kind: 'build' }
	| { kind: 'other' };

/** Everything the decision needs, each path both as the author named it and with its symlinks resolved. */
export interface OutputFacts {
	/** Whether the author named the folder in REPORT_OUT, or it is the default `./dist`. */
	named: boolean;
	out: string;
	realOut: string;
	report: string;
	realReport: string;
	project: string;
	realProject: string;
	state: OutputState;
}

/**
 * The project's own folders hold its code, its packages and its sample report; a site may go inside the project
 * only as `dist` (the default) or `dist-<name>`, at any depth below them. No file of the project lives under
 * those names, and a rule by name needs no list of the project's folders kept up to date as the project grows.
 */
const SITE_FOLDER_IN_PROJECT = /^dist(-.+)?$/;

/** Reads what the decision needs from the disk; changes nothing. */
export function outputFacts(input: { out: string; report: string; project: string; named: boolean }): OutputFacts {
	return {
		named: input.named,
		out: input.out,
		realOut: realPath(input.out),
		report: input.report,
		realReport: realPath(input.report),
		project: input.project,
		realProject: realPath(input.project),
		state: outputState(input.out),
	};
}

export function outputState(out: string): OutputState {
	const link = lstatOrUndefined(out);
	if (!link) {
		const by = nearestExisting(dirname(out));
		return by && !statSync(by).isDirectory() ? { kind: 'blocked', by } : { kind: 'missing' };
	}
	// A symlink to nothing counts as a file: a folder cannot be put in its place without deleting it.
	if (!existsSync(out) || !statSync(out).isDirectory()) return { kind: 'not-folder' };
	if (readdirSync(out).length === 0) return { kind: 'empty' };
	return isPreviousBuild(out) ? { kind: 'build' } : { kind: 'other' };
}

function lstatOrUndefined(path: string) {
	try {
		return lstatSync(path);
	} catch {
		return undefined;
	}
}

function nearestExisting(path: string): string | undefined {
	for (let at = path; ; at = dirname(at)) {
		if (existsSync(at)) return at;
		if (dirname(at) === at) return undefined;
	}
}

/**
 * Why the build must not write its site at this folder, in one line for the author, or undefined when it may.
 * A build replaces its output folder whole, so anything there that it did not make would be lost.
 */
export function judgeOutput(facts: OutputFacts, show: (path: string) => string): string | undefined {
	const { realOut, realReport, realProject, state } = facts;
	const label = facts.named ? 'REPORT_OUT' : 'The output folder';
	const out = show(facts.out) + (realOut === facts.out ? '' : `, which leads to ${show(realOut)}`);
	const report = show(facts.report);
	const project = show(facts.project);
	const instead = `e.g. REPORT_OUT=${show(suggestion(facts))}`;
	if (realOut === realReport)
		return `${label} is the report folder itself (${out}); building there would replace your report. Point REPORT_OUT at a new folder, ${instead}.`;
	if (realOut === realProject)
		return `${label} is the project folder itself (${out}); building there would replace this installation of Findings Report. Point REPORT_OUT at a new folder, ${instead}.`;
	if (isInside(realProject, realOut))
		return `${label} (${out}) contains the project folder (${project}); building there would replace the project and everything beside it. Point REPORT_OUT at a new folder, ${instead}.`;
	if (isInside(realReport, realOut))
		return `${label} (${out}) contains the report folder (${report}); building there would replace your report and everything beside it. Point REPORT_OUT at a new folder, ${instead}.`;
	if (isInside(realOut, realReport))
		return `${label} (${out}) lies inside the report folder (${report}); building there would mix the site into your report. Point REPORT_OUT at a folder outside it, ${instead}.`;
	const first = firstSegmentBelow(realOut, realProject);
	if (first !== undefined && !SITE_FOLDER_IN_PROJECT.test(first))
		return `${label} (${out}) lies inside the project folder (${project}), where a site may go only in dist or dist-<name>; building there would replace the project's own files. Point REPORT_OUT at one of those or at a folder outside the project, ${instead}.`;
	switch (state.kind) {
		case 'blocked':
			return `${label} (${out}) cannot be made: ${show(state.by)} is a file, not a folder. Point REPORT_OUT at a new folder, ${instead}.`;
		case 'not-folder':
			return `${label} (${out}) is a file, not a folder; building there would replace it. Point REPORT_OUT at a new folder, ${instead}.`;
		case 'other':
			return `${label} (${out}) is a folder with other files in it, not a site built by Findings Report (it has no ${MARKER} file); building there would replace them. Point REPORT_OUT at a new or empty folder, ${instead}, or empty this one yourself if nothing in it is needed.`;
		default:
			return undefined;
	}
}

/** A folder the author could use instead: `dist` for a report kept in the project, else one beside the report. */
export function suggestion(
	facts: Pick<OutputFacts, 'report' | 'realReport' | 'project' | 'realProject' | 'realOut'>,
): string {
	const name = basename(facts.report) || 'report';
	const inProject = isInside(facts.realReport, facts.realProject);
	const names = inProject ? ['dist', `dist-${name}`] : [`${name}-site`, `${name}-site-new`];
	const real = inProject ? facts.realProject : dirname(facts.realReport);
	const free = names.find((candidate) => join(real, candidate) !== facts.realOut) ?? names[1]!;
	return join(inProject ? facts.project : dirname(facts.report), free);
}
