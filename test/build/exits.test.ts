import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_STAGES } from '../../src/lib/plumbing/fault.ts';
import { PARALLEL_FROM } from '../../src/lib/plumbing/cores.ts';
import { writeRandomReport } from '../support/random-report.ts';
import { run } from '../support/run.ts';
import { forgetCaches, treeDigest } from '../support/tree.ts';

// A report large enough for rendering to move to other threads, with directives, so that every stage runs.
const work = mkdtempSync(join(tmpdir(), 'findings-exits-'));
const content = join(work, 'report');
const out = join(work, 'site');
const env = (stage: string) => ({ REPORT_CONTENT: content, REPORT_OUT: out, REPORT_FAULT: stage });
let previous: Record<string, string>;

beforeAll(() => {
	writeRandomReport(content, {
		seed: 18,
		findings: PARALLEL_FROM + 20,
		themes: 3,
		chapters: 1,
		nested: false,
		ownIds: 0.3,
		directives: 0.5,
		drafts: 0.1,
		paragraphs: 3,
		script: 'latin',
		defects: [],
	});
	const built = run('build', { REPORT_CONTENT: content, REPORT_OUT: out });
	expect(built.status, built.stderr).toBe(0);
	previous = treeDigest(out);
});

afterAll(() => {
	forgetCaches(content);
	rmSync(work, { recursive: true, force: true });
});

/** The command ended by itself, with exit code 1, saying what failed in one line, and no stack trace. */
function failedCleanly(result: { status: number | null; stderr: string }, stage: string) {
	expect(result.status, result.stderr).toBe(1);
	expect(result.stderr).toContain(`a fault was injected at the ${stage} stage`);
	expect(result.stderr).not.toMatch(/^\s+at /m);
	// Nothing it started was left running: the last resort of scripts/cli.ts did not have to step in.
	expect(result.stderr).not.toContain('still running');
}

describe('a failure at any stage', () => {
	it.each(FAULT_STAGES)('in the %s stage ends the build with one line, and leaves the site as it was', (stage) => {
		// Rendering happens only for bodies the cache does not have.
		if (stage === 'render') forgetCaches(content);
		failedCleanly(run('build', env(stage)), stage);
		expect(treeDigest(out)).toEqual(previous);
	});

	it.each(['check', 'render'])('in the %s stage ends the check and the snapshot too', (stage) => {
		forgetCaches(content);
		failedCleanly(run('check', env(stage)), stage);
		forgetCaches(content);
		failedCleanly(run('snapshot', env(stage)), stage);
	});
});
