import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { main } from './cli.ts';

/**
 * Writes a synthetic report of any size, the same for the same size every time (seeded), for scale tests
 * and benchmarks: `npm run generate -- <folder> <findings>`.
 */
const THEMES = ['access', 'timeliness', 'records', 'oversight', 'training', 'funding', 'partnerships', 'complaints'];
const WORDS =
	'review process record referral delay school council archive notice officer board audit contract budget policy training survey staff'.split(
		' ',
	);

function random(seed: number) {
	return () => {
		seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
		return seed / 2 ** 31;
	};
}

await main(() => {
	const [folder, size] = process.argv.slice(2);
	const count = Number(size);
	if (!folder || !Number.isInteger(count) || count < 1) {
		console.error('usage: npm run generate -- <folder> <number of findings>');
		return 1;
	}
	const next = random(count);
	const pick = <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
	const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');
	rmSync(folder, { recursive: true, force: true });
	for (const theme of THEMES) {
		mkdirSync(join(folder, 'themes'), { recursive: true });
		writeFileSync(
			join(folder, 'themes', `${theme}.md`),
			`---\n${stringify({ title: `Theme ${theme}`, summary: `Findings about ${theme}.` })}---\nNarrative of the ${theme} theme.\n`,
		);
	}
	let completed = 0;
	let cases = 0;
	for (let index = 1; index <= count; index++) {
		const id = `F-${String(index).padStart(5, '0')}`;
		const year = 2015 + Math.floor(next() * 8);
		const opened = `${year}-${String(1 + Math.floor(next() * 12)).padStart(2, '0')}-${String(1 + Math.floor(next() * 28)).padStart(2, '0')}`;
		const isCompleted = year < 2022 && next() < 0.6;
		const outcome = next() < 0.3 ? 'upheld' : 'not-upheld';
		const cases_ = 1 + Math.floor(next() * 20);
		const data = {
			id,
			title: `Finding ${index}: ${words(4)}`,
			summary: `A synthetic finding about ${words(12)}.`,
			status: isCompleted ? 'completed' : 'open',
			...(isCompleted && { outcome, closed: `${year + 1}-06-30` }),
			opened,
			themes: [pick(THEMES), ...(next() < 0.4 ? [pick(THEMES)] : [])].filter(
				(theme, i, all) => all.indexOf(theme) === i,
			),
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
			...(index > 1 && next() < 0.05 && { related: [`F-${String(index - 1).padStart(5, '0')}`] }),
		};
		if (isCompleted) completed++;
		cases += cases_;
		mkdirSync(join(folder, 'findings', String(year)), { recursive: true });
		writeFileSync(
			join(folder, 'findings', String(year), `${id}.md`),
			`---\n${stringify(data)}---\n${words(60)}.\n\n${words(80)}.\n`,
		);
	}
	const report = {
		title: `Synthetic report of ${count} findings`,
		publisher: 'Findings Report test data',
		asAt: '2024-12-31',
		metrics: { cases: { label: 'Cases' }, cost: { label: 'Cost' }, staff: { label: 'Staff' } },
		outcomes: { upheld: { label: 'Upheld' }, 'not-upheld': { label: 'Not upheld' } },
		figures: {
			findings: { label: 'Findings', value: count, equals: 'count' },
			completed: { label: 'Completed', value: completed, equals: 'count(status=completed)' },
			cases: { label: 'Cases', value: cases, equals: 'sum(cases)' },
		},
	};
	writeFileSync(join(folder, 'report.yaml'), stringify(report));
	console.log(`Wrote ${count} findings to ${folder}.`);
	return 0;
});
