import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { main } from './cli.ts';

/**
 * Writes a synthetic report of any size, the same for the same size every time (seeded), for scale tests and
 * benchmarks: `npm run generate -- <folder> <findings>`. It is shaped like the reports authors write, so that a
 * benchmark measures their build: chapters and themes that count and chart the findings with directives, findings
 * both in year folders and loose, some drafts, several themes each, and bodies from one paragraph to several pages
 * (about 3 KB on average) with headings, lists, tables and footnotes.
 */
const THEMES = ['access', 'timeliness', 'records', 'oversight', 'training', 'funding', 'partnerships', 'complaints'];
const WORDS =
	'review process record referral delay school council archive notice officer board audit contract budget policy training survey staff evidence decision manager agency report interview'.split(
		' ',
	);

function random(seed: number) {
	return () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

function write(path: string, frontmatter: object, body: string): void {
	mkdirSync(join(path, '..'), { recursive: true });
	writeFileSync(path, `---\n${stringify(frontmatter)}---\n${body}\n`);
}

await main(() => {
	const [folder, size] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
	const count = Number(size);
	// --translations=cy,fr: the report is also published in these languages, every file translated.
	const translations =
		process.argv
			.find((arg) => arg.startsWith('--translations='))
			?.slice('--translations='.length)
			.split(',')
			.filter(Boolean) ?? [];
	if (!folder || !Number.isInteger(count) || count < 1) {
		console.error('usage: npm run generate -- <folder> <number of findings> [--translations=<tag>,…]');
		return 1;
	}
	/** A file's translations beside it: the same shape of words, as a translator's would be. */
	const translate = (path: string, words: object, body: string) => {
		for (const tag of translations) write(path.replace(/\.md$/, `.${tag}.md`), words, body);
	};
	const next = random(count);
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
	const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
	const sentence = () => `${words(8 + Math.floor(next() * 14))}.`;
	const paragraph = () => Array.from({ length: 3 + Math.floor(next() * 5) }, sentence).join(' ');
	const block = () => {
		const kind = next();
		if (kind < 0.12) return `## ${words(4)}\n\n${paragraph()}`;
		if (kind < 0.22) return Array.from({ length: 3 + Math.floor(next() * 4) }, () => `- ${words(8)}`).join('\n');
		if (kind < 0.27)
			return `| ${words(1)} | ${words(1)} | Count |\n| --- | --- | ---: |\n${Array.from({ length: 4 }, () => `| ${words(2)} | ${words(3)} | ${Math.floor(next() * 500)} |`).join('\n')}`;
		if (kind < 0.3) return `${paragraph()}[^1]\n\n[^1]: ${sentence()}`;
		return paragraph();
	};
	// Most findings run to a few paragraphs; one in ten runs to several pages.
	const body = () =>
		Array.from({ length: next() < 0.1 ? 12 + Math.floor(next() * 20) : 2 + Math.floor(next() * 6) }, block);

	rmSync(folder, { recursive: true, force: true });
	for (const [index, theme] of THEMES.entries()) {
		const path = join(folder, 'themes', `${theme}.md`);
		const text = `${paragraph()}\n\nThis theme covers :count{theme=${theme}} findings, :count{theme=${theme} status=completed} of them completed.\n\n::chart{by=status}\n\n${paragraph()}`;
		write(path, { title: `Theme ${theme}`, summary: `Findings about ${theme}.`, order: index + 1 }, text);
		translate(path, { title: `Thema ${theme}`, summary: `Canfyddiadau am ${theme}.` }, text);
	}
	const introduction = `${paragraph()}\n\nThe report covers :figure[findings] findings, of which :figure[completed] are completed, with :figure[cases] cases in all.\n\n::chart{by=theme}\n\n::chart{by=year metric=cases}\n\n${paragraph()}`;
	write(join(folder, 'pages', 'introduction.md'), { title: 'Introduction', order: 1 }, introduction);
	translate(join(folder, 'pages', 'introduction.md'), { title: 'Cyflwyniad' }, introduction);
	const method = body().join('\n\n');
	write(join(folder, 'pages', 'method.md'), { title: 'Method', order: 2 }, method);
	translate(join(folder, 'pages', 'method.md'), { title: 'Dull' }, method);

	let published = 0;
	let completed = 0;
	let cases = 0;
	let lastPublished: string | undefined;
	for (let index = 1; index <= count; index++) {
		const id = `F-${String(index).padStart(5, '0')}`;
		const year = 2015 + Math.floor(next() * 8);
		const opened = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
		const isCompleted = year < 2022 && next() < 0.6;
		const outcome = next() < 0.3 ? 'upheld' : 'not-upheld';
		const cases_ = 1 + Math.floor(next() * 20);
		const draft = next() < 0.03;
		const themes = [pick(THEMES), pick(THEMES), ...(next() < 0.4 ? [pick(THEMES)] : [])].filter(
			(theme, i, all) => all.indexOf(theme) === i,
		);
		const data = {
			id,
			title: `Finding ${index}: ${words(4)}`,
			summary: `A synthetic finding about ${words(12)}.`,
			status: isCompleted ? 'completed' : 'open',
			...(isCompleted && { outcome, closed: `${year + 1}-06-30` }),
			opened,
			themes,
			metrics: { cases: cases_, cost: Math.floor(next() * 100_000), staff: Math.floor(next() * 9) },
			...(isCompleted &&
				next() < 0.3 && {
					recommendations: [
						{
							text: `Improve the ${words(3)}.`,
							to: pick(['The council', 'The board', 'The ministry']),
							due: `${year + 2}-03-31`,
						},
					],
				}),
			...(lastPublished && next() < 0.05 && { related: [lastPublished] }),
			...(draft && { draft: true }),
		};
		if (!draft) {
			lastPublished = id;
			published++;
			if (isCompleted) completed++;
			cases += cases_;
		}
		const blocks = body();
		// Now and then a finding quotes a headline figure.
		if (next() < 0.02) blocks.push('It is one of :figure[findings] findings in this report.');
		// Findings of odd years sit in year folders, the others loose in findings/, with file names unlike their ids.
		const path = year % 2 ? join('findings', String(year), `${id}.md`) : join('findings', `finding-${index}.md`);
		write(join(folder, path), data, blocks.join('\n\n'));
		// Only when asked: the translations' words are drawn from the same sequence as the findings'.
		if (!draft && translations.length)
			translate(
				join(folder, path),
				{
					title: `Canfyddiad ${index}: ${words(4)}`,
					summary: `Canfyddiad synthetig am ${words(12)}.`,
					...(data.recommendations && {
						recommendations: data.recommendations.map(({ text, to }) => ({ text: `${text} (cy)`, to })),
					}),
				},
				blocks.join('\n\n'),
			);
	}
	const report = {
		title: `Synthetic report of ${count} findings`,
		publisher: 'Findings Report test data',
		asAt: '2024-12-31',
		metrics: { cases: { label: 'Cases' }, cost: { label: 'Cost' }, staff: { label: 'Staff' } },
		outcomes: { upheld: { label: 'Upheld' }, 'not-upheld': { label: 'Not upheld' } },
		figures: {
			findings: { label: 'Findings', value: published, equals: 'count' },
			completed: { label: 'Completed', value: completed, equals: 'count(status=completed)' },
			cases: { label: 'Cases', value: cases, equals: 'sum(cases)' },
		},
	};
	// --no-pdf: a report that leaves its PDF out, for the benchmark to time the build and the PDF apart.
	const pdf = process.argv.includes('--no-pdf') ? { pdf: false } : {};
	writeFileSync(
		join(folder, 'report.yaml'),
		stringify({ ...report, ...pdf, ...(translations.length && { translations }) }),
	);
	const labels = (map: Record<string, { label: string }>) =>
		Object.fromEntries(Object.entries(map).map(([key, { label }]) => [key, { label: `${label} (cy)` }]));
	for (const tag of translations)
		writeFileSync(
			join(folder, `report.${tag}.yaml`),
			stringify({
				title: `Adroddiad synthetig o ${count} canfyddiad`,
				publisher: 'Data prawf Findings Report',
				metrics: labels(report.metrics),
				outcomes: labels(report.outcomes),
				statuses: labels({
					open: { label: 'Open' },
					completed: { label: 'Completed' },
					discontinued: { label: 'Discontinued' },
				}),
				figures: labels(report.figures),
			}),
		);
	console.log(`Wrote ${count} findings to ${folder}.`);
	return 0;
});
