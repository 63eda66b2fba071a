import { outDir } from '../src/lib/content/dirs.ts';
import { overBudget, weighPage, type Budget } from '../src/lib/build/budgets.ts';
import { main } from './cli.ts';

const KB = 1024;

/** The budgets of issue #3, per page type of the built sample report. */
export const BUDGETS: Budget[] = [
	{ page: 'index.html', js: 100 * KB, css: 30 * KB },
	{ page: 'findings/INV-01/index.html', js: 20 * KB, css: 30 * KB },
	{ page: 'findings/index.html', css: 30 * KB },
	{ page: 'themes/information-sharing/index.html', css: 30 * KB },
	{ page: 'recommendations/index.html', css: 30 * KB },
	{ page: 'data/index.html', css: 30 * KB },
	{ page: 'introduction/index.html', css: 30 * KB },
];

/** `npm run budgets [-- <built site>]`: what each page type costs gzipped; exit 1 above a budget. */
await main(() => {
	const dist = process.argv[2] ?? outDir();
	const rows = BUDGETS.map((budget) => ({ budget, weight: weighPage(dist, budget.page) }));
	const kb = (bytes: number) => (bytes / KB).toFixed(1).padStart(7);
	console.log('page                                         JS (KB gz)   CSS (KB gz)');
	for (const { weight } of rows) console.log(`${weight.page.padEnd(44)} ${kb(weight.js)}      ${kb(weight.css)}`);
	const problems = rows.flatMap(({ weight, budget }) => overBudget(weight, budget));
	for (const problem of problems) console.error(problem);
	return problems.length ? 1 : 0;
});
