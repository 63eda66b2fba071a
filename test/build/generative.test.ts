import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { loadReport, type ReportContent } from '../../src/lib/content/load.ts';
import { FrontmatterCache } from '../../src/lib/content/frontmatter-cache.ts';
import { RenderCache } from '../../src/lib/content/render-cache.ts';
import { PARALLEL_FROM } from '../../src/lib/plumbing/cores.ts';
import {
	DEFECT_KINDS,
	SCRIPTS,
	writeRandomReport,
	type DefectKind,
	type ReportShape,
} from '../support/random-report.ts';
import { run } from '../support/run.ts';
import { forgetCaches, treeDigest } from '../support/tree.ts';

/**
 * Report folders of random shape, sizes on both sides of the point where rendering moves to other threads, and
 * injected defects. `REPORT_PROPERTY_RUNS=<n>` runs more cases; a failure prints its seed, and
 * `REPORT_PROPERTY_SEED=<seed>` (with the path fast-check prints) replays it.
 */
const runs = (normal: number) => Number(process.env.REPORT_PROPERTY_RUNS ?? normal);
const replay = () => {
	const seed = process.env.REPORT_PROPERTY_SEED;
	const path = process.env.REPORT_PROPERTY_PATH;
	return seed === undefined ? {} : { seed: Number(seed), ...(path && { path }) };
};

const work = mkdtempSync(join(tmpdir(), 'findings-generative-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let folders = 0;

/** Sizes below, at and above the parallel threshold, and now and then well above it. */
const size = fc.oneof(
	{ weight: 3, arbitrary: fc.integer({ min: 0, max: 40 }) },
	{ weight: 3, arbitrary: fc.integer({ min: PARALLEL_FROM - 30, max: PARALLEL_FROM + 30 }) },
	{ weight: 1, arbitrary: fc.integer({ min: 2 * PARALLEL_FROM, max: 2 * PARALLEL_FROM + 200 }) },
);

const shapes = (defects: fc.Arbitrary<readonly DefectKind[]>) =>
	fc.record<ReportShape>({
		seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }),
		findings: size,
		themes: fc.integer({ min: 0, max: 6 }),
		chapters: fc.integer({ min: 0, max: 3 }),
		nested: fc.boolean(),
		ownIds: fc.constantFrom(0, 0.3, 1),
		directives: fc.constantFrom(0, 0.2, 0.5, 1),
		drafts: fc.constantFrom(0, 0.1, 0.5),
		paragraphs: fc.integer({ min: 1, max: 12 }),
		script: fc.constantFrom(...SCRIPTS),
		defects,
	});

function folderFor(shape: ReportShape) {
	const dir = join(work, `report-${++folders}`);
	return { dir, written: writeRandomReport(dir, shape) };
}

/** Reads a folder with the given number of threads, through caches kept at `cache` (cold when new). */
async function load(dir: string, threads: string | undefined, cache?: string): Promise<ReportContent> {
	const before = process.env.REPORT_THREADS;
	if (threads === undefined) delete process.env.REPORT_THREADS;
	else process.env.REPORT_THREADS = threads;
	try {
		return await loadReport(dir, {
			cache: cache === undefined ? undefined : new RenderCache(join(cache, 'render.json')),
			frontmatter: cache === undefined ? undefined : new FrontmatterCache(join(cache, 'frontmatter.v8')),
		});
	} finally {
		if (before === undefined) delete process.env.REPORT_THREADS;
		else process.env.REPORT_THREADS = before;
	}
}

describe('report folders of any shape', () => {
	it('read the same on one thread and on many, cold and warm, as plain data, with every defect located', async () => {
		await fc.assert(
			fc.asyncProperty(shapes(fc.subarray([...DEFECT_KINDS])), async (shape) => {
				const { dir, written } = folderFor(shape);
				const cache = join(dir, '..', `${relative(work, dir)}-cache`);
				try {
					const one = await load(dir, '1');
					const many = await load(dir, undefined, cache);
					const warm = await load(dir, undefined, cache);
					// Plain data: the whole model can be copied to another thread.
					expect(() => structuredClone(one)).not.toThrow();
					expect(many).toEqual(one);
					expect(warm).toEqual(one);
					const located = one.problems.map((problem) => ({
						file: relative(dir, problem.file),
						line: problem.line,
						field: problem.field,
					}));
					for (const { kind, ...where } of written.expected) expect(located, kind).toContainEqual(where);
					// Every other problem follows from one injected: figures that no longer add up, the twin of a duplicate
					// id, or a link to the id that the duplicate replaced.
					const defective = new Set(written.expected.map((problem) => problem.file));
					const knockOn = shape.defects.includes('duplicate-id') ? /^(id|related\[\d+\])$/ : /^$/;
					for (const problem of located)
						if (problem.file !== 'report.yaml' && !defective.has(problem.file))
							expect(problem.field, `${problem.file}:${problem.line}`).toMatch(knockOn);
					if (!shape.defects.length) expect(one.problems).toEqual([]);
				} finally {
					rmSync(dir, { recursive: true, force: true });
					rmSync(cache, { recursive: true, force: true });
				}
			}),
			{ numRuns: runs(8), ...replay() },
		);
	}, 600_000);

	it('build the same site on one thread and on many, cold and warm; the check and the build agree on defects', async () => {
		await fc.assert(
			fc.asyncProperty(
				shapes(fc.constant([])).filter((shape) => shape.findings >= PARALLEL_FROM - 30),
				fc.constantFrom(...DEFECT_KINDS),
				async (shape, defect) => {
					const { dir } = folderFor(shape);
					const out = (name: string) => join(work, `${relative(work, dir)}-${name}`);
					const env = (name: string, threads?: string) => ({
						REPORT_CONTENT: dir,
						REPORT_OUT: out(name),
						...(threads && { REPORT_THREADS: threads }),
					});
					// Pagefind writes its filter and metadata files differently from run to run, whatever its input
					// (its maintainer says so, Pagefind/pagefind#638), and the service worker's edition is a digest of
					// every file; its fragments and word index, and everything of ours, must be the same.
					const unstable = (path: string) =>
						path === '.findings-report-build' ||
						path === 'sw.js' ||
						/^pagefind\/(filter\/|pagefind\.[^/]*\.pf_meta$|pagefind-entry\.json$)/.test(path);
					try {
						forgetCaches(dir);
						expect(bounded(run('check', env('unused'))).status).toBe(0);
						const single = bounded(run('build', env('one', '1')));
						expect(single.status, single.stderr).toBe(0);
						forgetCaches(dir);
						expect(bounded(run('build', env('many'))).status).toBe(0);
						const warm = bounded(run('build', { ...env('warm'), REPORT_THREADS: '' }));
						expect(warm.status, warm.stderr).toBe(0);
						const site = treeDigest(out('one'), unstable);
						expect(treeDigest(out('many'), unstable)).toEqual(site);
						expect(treeDigest(out('warm'), unstable)).toEqual(site);
						const previous = treeDigest(out('one'));
						// The same folder with a defect: the check names it, and the build refuses and keeps the site.
						const broken = writeRandomReport(dir, { ...shape, defects: [defect] });
						const check = bounded(run('check', env('unused')));
						const build = bounded(run('build', env('one')));
						expect(check.status).toBe(1);
						expect(build.status).toBe(1);
						for (const where of broken.expected)
							expect(check.stderr).toContain(`${join(dir, where.file)}:${where.line}: ${where.field}:`);
						expect(treeDigest(out('one'))).toEqual(previous);
					} finally {
						for (const name of ['one', 'many', 'warm']) rmSync(out(name), { recursive: true, force: true });
						forgetCaches(dir);
						rmSync(dir, { recursive: true, force: true });
					}
				},
			),
			{ numRuns: runs(1), ...replay() },
		);
	}, 900_000);
});

/** A command's result, asserting that it ended by itself (a hung command is killed and fails here). */
function bounded<T extends { status: number | null }>(result: T): T {
	expect(result.status, 'the command did not exit by itself').not.toBeNull();
	return result;
}
