import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main, projectRoot } from './cli.ts';
import { measure, type Measured } from './lib/measure.ts';

/**
 * `npm run benchmark [-- <findings>] [--runs=<n>]`: generates a report of that many findings (default 10,000), builds
 * it with a bare Astro + Pagefind site (bench/floor, the least any site of these findings must do) and with ours,
 * rebuilds ours after editing one finding, and prints a Markdown table of times, peak memory and the sizes a reader
 * downloads; with several runs, each run's figures and the median ratios too. Results are recorded in the README.
 */
const node = process.execPath;
const seconds = (run: Measured) => `${run.seconds.toFixed(1)} s`;
const memory = (run: Measured) =>
	run.peakBytes === undefined
		? 'peak memory unknown'
		: `peak memory ${Math.round(run.peakBytes / 1e6).toLocaleString('en')} MB`;
const ratio = (a: number | undefined, b: number | undefined) =>
	a === undefined || !b ? '?' : `${(a / b).toFixed(2)}×`;

/** The files of a built site, relative to it. */
function siteFiles(dir: string): string[] {
	return readdirSync(dir, { recursive: true })
		.map(String)
		.filter((file) => statSync(join(dir, file)).isFile());
}

function onDisk(dir: string, files: readonly string[]): string {
	return `${(files.reduce((sum, file) => sum + statSync(join(dir, file)).size, 0) / 1e6).toFixed(1)} MB`;
}

function sizeOf(dir: string, file: string | undefined): string {
	if (!file || !existsSync(join(dir, file))) return 'missing';
	const bytes = readFileSync(join(dir, file));
	return `${(bytes.length / 1e6).toFixed(2)} MB (${(gzipSync(bytes).length / 1e6).toFixed(2)} MB gzipped)`;
}

/**
 * The step times that `BUILD_TIMES=1 npm run build` prints, as "pages 12.3 s, …"; and whether the build first waited
 * for another one in this install (npm run build elsewhere), which makes its time meaningless.
 */
function steps(run: Measured): string {
	const times = [
		...run.stdout.matchAll(/^(check|pages|kept \d+ finding pages|search index|offline edition)[^:]*: ([\d.]+ s)$/gm),
	].map(([, step, time]) => `${step} ${time}`);
	const waited = run.stdout.includes('Waiting for another build')
		? '; it WAITED for another build in this install, so its time is too long'
		: '';
	return `${times.join(', ')}${waited}`;
}

interface Run {
	floor: Measured;
	ours: Measured;
	rebuild: Measured;
	content: string;
	out: string;
	floorOut: string;
}

/**
 * One run: the floor, then ours cold, then ours again after one edit. Each run builds its own copy of the findings
 * into folders of its own, so that nothing kept by an earlier run (the install's caches are per report folder) makes
 * a cold build warm. The floor and ours alternate, so that a machine that slows down for a while slows both.
 */
async function measureRun(work: string, generated: string, run: number): Promise<Run> {
	const content = join(work, `content-${run}`);
	const out = join(work, `dist-${run}`);
	const floorOut = join(work, `floor-${run}`);
	cpSync(generated, content, { recursive: true });
	const env = { ...process.env, REPORT_CONTENT: content, REPORT_OUT: out, BUILD_TIMES: '1' };
	console.error(`Run ${run}: building the floor (bare Astro + Pagefind)…`);
	const floor = await measure(node, ['bench/floor/build.ts'], {
		cwd: projectRoot,
		env: { ...process.env, FLOOR_CONTENT: join(content, 'findings'), FLOOR_OUT: floorOut },
	});
	console.error(`Run ${run}: building the report…`);
	const ours = await measure(node, ['scripts/build.ts'], { cwd: projectRoot, env });
	// The first finding the generator wrote, whatever year folder it sits in.
	const edited = readdirSync(join(content, 'findings'), { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('.md'))
		.sort((a, b) => a.localeCompare(b))[0];
	if (!edited) throw new Error(`the generator wrote no findings into ${content}`);
	appendFileSync(join(content, 'findings', edited), '\nOne sentence added to measure a rebuild.\n');
	console.error(`Run ${run}: rebuilding after editing findings/${edited}…`);
	const rebuild = await measure(node, ['scripts/build.ts'], { cwd: projectRoot, env });
	return { floor, ours, rebuild, content, out, floorOut };
}

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** A row per run, and the medians of the ratios, which one run's figures are too noisy to give on a shared machine. */
function runRows(runs: readonly Run[]): [string, string][] {
	const cold = runs.map((run) => run.ours.seconds / run.floor.seconds);
	const warm = runs.map((run) => run.rebuild.seconds / run.ours.seconds);
	return [
		...runs.map(({ floor, ours, rebuild }, index): [string, string] => [
			`run ${index + 1}`,
			`floor ${seconds(floor)}, ours ${seconds(ours)} (${ratio(ours.seconds, floor.seconds)}), rebuild ${seconds(rebuild)} (${ratio(rebuild.seconds, ours.seconds)} the cold build)`,
		]),
		[
			`median of ${runs.length} runs`,
			`ours / floor ${median(cold).toFixed(2)}× (${Math.min(...cold).toFixed(2)}–${Math.max(...cold).toFixed(2)}), rebuild / cold ${median(warm).toFixed(2)}× (${Math.min(...warm).toFixed(2)}–${Math.max(...warm).toFixed(2)})`,
		],
	];
}

/** The PDF alone (scripts/make-pdf.ts), at 1,000 findings and at the benchmark's number: time, memory, pages. */
async function pdfRows(work: string, count: number): Promise<[string, string][]> {
	const rows: [string, string][] = [];
	for (const size of [...new Set([1_000, count])]) {
		const folder = join(work, `pdf-${size}`);
		await measure(node, ['scripts/generate-report.ts', folder, String(size)], { cwd: projectRoot });
		console.error(`The PDF of ${size.toLocaleString('en')} findings…`);
		const made = await measure(node, ['scripts/make-pdf.ts', folder, join(work, `report-${size}.pdf`)], {
			cwd: projectRoot,
		});
		const said = /^PDF: .*$/m.exec(made.stdout)?.[0] ?? made.stderr.trim().split('\n').at(-1);
		rows.push([`the PDF alone, ${size.toLocaleString('en')} findings`, `${seconds(made)}, ${memory(made)} (${said})`]);
	}
	return rows;
}

await main(async () => {
	const runsFlag = process.argv.find((arg) => arg.startsWith('--runs='));
	const runs = runsFlag ? Number(runsFlag.slice('--runs='.length)) : 1;
	const count = Number(process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 10_000);
	if (!Number.isInteger(count) || count < 1 || !Number.isInteger(runs) || runs < 1) {
		console.error('usage: npm run benchmark [-- <number of findings>] [--runs=<n>] [--translations=<tag>,…]');
		return 1;
	}
	const work = mkdtempSync(join(tmpdir(), 'findings-bench-'));
	const generated = join(work, 'generated');
	try {
		console.error(`Generating ${count.toLocaleString('en')} findings…`);
		// A report in several languages (--translations=cy): each finding's page once per language.
		const translated = process.argv.filter((arg) => arg.startsWith('--translations='));
		// The build is timed without its PDF (pdf: false), and the PDF alone after: Typst's time is its own.
		await measure(node, ['scripts/generate-report.ts', generated, String(count), '--no-pdf', ...translated], {
			cwd: projectRoot,
		});
		const measured: Run[] = [];
		for (let run = 1; run <= runs; run++) measured.push(await measureRun(work, generated, run));
		const { floor, ours, rebuild, content, out, floorOut } = measured.at(-1)!;
		console.error('Checking…');
		const check = await measure(node, ['scripts/check.ts'], {
			cwd: projectRoot,
			env: { ...process.env, REPORT_CONTENT: content },
		});

		const files = siteFiles(out);
		const html = files
			.filter((file) => file.endsWith('.html'))
			.map((file) => ({ file, bytes: statSync(join(out, file)).size }));
		const largest = html.reduce<(typeof html)[number] | undefined>(
			(a, b) => (!a || b.bytes > a.bytes ? b : a),
			undefined,
		);
		const floorFiles = siteFiles(floorOut);
		const zip = files.find((file) => file.endsWith('-offline.zip'));
		const rows: [string, string][] = [
			['findings', count.toLocaleString('en')],
			['floor: bare Astro + Pagefind (bench/floor)', `${seconds(floor)}, ${memory(floor)}`],
			['ours: check, Astro, search index, offline edition', `${seconds(ours)}, ${memory(ours)} (${steps(ours)})`],
			[
				'ours / floor',
				`${ratio(ours.seconds, floor.seconds)} the time, ${ratio(ours.peakBytes, floor.peakBytes)} the peak memory`,
			],
			[
				'rebuild after editing one finding',
				`${seconds(rebuild)}, ${memory(rebuild)}, ${ratio(rebuild.seconds, ours.seconds)} the cold build (${steps(rebuild)})`,
			],
			['check only (`npm run check`)', `${seconds(check)}, ${memory(check)}`],
			[
				'pages (HTML files)',
				`${html.length.toLocaleString('en')} (floor: ${floorFiles.filter((file) => file.endsWith('.html')).length.toLocaleString('en')}, with ${floorFiles.some((file) => file.startsWith('pagefind/')) ? 'a' : 'no'} pagefind/ folder)`,
			],
			['site on disk', `${onDisk(out, files)} (floor: ${onDisk(floorOut, floorFiles)})`],
			['largest HTML page', largest ? `${largest.file}: ${(largest.bytes / 1e6).toFixed(2)} MB` : 'missing'],
			['findings/index.html', sizeOf(out, 'findings/index.html')],
			['data/findings-table.js (loaded by the table)', sizeOf(out, 'data/findings-table.js')],
			['data/findings.json', sizeOf(out, 'data/findings.json')],
			[
				`offline edition${zip ? `, ${zip}` : ''}`,
				zip ? `${(statSync(join(out, zip)).size / 1e6).toFixed(1)} MB` : 'missing',
			],
		];
		if (runs > 1) rows.splice(5, 0, ...runRows(measured));
		rows.push(...(await pdfRows(work, count)));
		console.log('| | |\n|---|---|');
		for (const [what, value] of rows) console.log(`| ${what} | ${value} |`);
		return 0;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
});
