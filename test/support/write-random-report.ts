import { DEFECT_KINDS, writeRandomReport } from './random-report.ts';

// `node test/support/write-random-report.ts <folder> <findings> [defects] [seed]`: a flat report with directives in
// every kind of file, from the tests' own generator, for trying the commands on a shape `npm run generate` never
// makes; `defects` of them are injected, cycling through every kind.
const [folder, findings, defects = '0', seed = '1'] = process.argv.slice(2);
if (!folder || !Number(findings)) {
	console.error('usage: node test/support/write-random-report.ts <folder> <findings> [defects] [seed]');
	process.exit(1);
}
const written = writeRandomReport(folder, {
	seed: Number(seed),
	findings: Number(findings),
	themes: 6,
	chapters: 3,
	nested: false,
	ownIds: 0.5,
	directives: 0.5,
	drafts: 0.05,
	paragraphs: 10,
	script: 'welsh',
	defects: Array.from({ length: Number(defects) }, (_, index) => DEFECT_KINDS[index % DEFECT_KINDS.length]!),
});
console.log(`Wrote ${findings} findings to ${folder}, ${written.expected.length} problems injected.`);
for (const problem of written.expected)
	console.log(`${problem.file}:${problem.line}: ${problem.field} (${problem.kind})`);
