import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The page's axe-core violations, each as `rule: the first elements at fault`. */
export async function axeViolations(page: Page): Promise<string[]> {
	// Evaluated through the browser's debugging protocol rather than added as a <script>: the pages'
	// Content-Security-Policy refuses inline scripts, and it stays in force while axe looks at the page.
	await page.evaluate(AXE);
	return page.evaluate(async () => {
		const axe = (
			window as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }
		).axe;
		return (await axe.run()).violations.map(
			(v) =>
				`${v.id}: ${v.nodes
					.map((n) => n.target.join(' '))
					.slice(0, 3)
					.join(', ')}`,
		);
	});
}
