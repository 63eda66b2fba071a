import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { outDir } from '../src/lib/content/dirs.ts';
import { displayPath } from '../src/lib/display-path.ts';
import { main } from './cli.ts';
import { launch } from './lib/browser.ts';
import { SAMPLE_PAGES, type SamplePage } from './lib/sample-pages.ts';
import { serve } from './lib/serve.ts';

/** The page types a reader sees most, of the sample report. */
const SHOWN: SamplePage[] = ['overview', 'theme', 'findings', 'finding', 'chapter', 'search', 'data'];
const WIDTHS = [375, 1280];
const SCHEMES = ['light', 'dark'] as const;

/**
 * `npm run screenshots [-- <built site> <folder>]`: full-page screenshots of the page types of a built site (default
 * ./dist into test-results/screenshots) at 375 and 1280 px, in the light and the dark colour scheme, in Debian's
 * Chromium, named `<page>-<width>-<scheme>.png`. Each is taken once its charts are drawn and its search has settled.
 */
await main(async () => {
	const [site = outDir(), folder = 'test-results/screenshots'] = process.argv
		.slice(2)
		.filter((arg) => !arg.startsWith('--'));
	const root = resolve(process.env.INIT_CWD ?? '', site);
	if (!existsSync(join(root, 'index.html')))
		throw new Error(`${displayPath(root)} holds no built site; run npm run build first`);
	const out = resolve(process.env.INIT_CWD ?? '', folder);
	mkdirSync(out, { recursive: true });
	const server = await serve(root);
	const browser = await launch();
	try {
		for (const scheme of SCHEMES)
			for (const width of WIDTHS) {
				const context = await browser.newContext({
					viewport: { width, height: width < 600 ? 800 : 900 },
					colorScheme: scheme,
					serviceWorkers: 'block',
				});
				const page = await context.newPage();
				for (const name of SHOWN) {
					await page.goto(`${server.origin}${SAMPLE_PAGES[name]}`, { waitUntil: 'load' });
					// Charts out of view are drawn when the browser is idle; search results after a short pause.
					await page.waitForFunction(
						() =>
							[...document.querySelectorAll('figure[data-chart]')].every((figure) => 'chart' in figure) &&
							!document.querySelector('.search-status:empty'),
						undefined,
						{ timeout: 20_000 },
					);
					await page.waitForTimeout(600);
					const file = join(out, `${name}-${width}-${scheme}.png`);
					await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
					console.log(displayPath(file));
				}
				await context.close();
			}
	} finally {
		await browser.close();
		await server.close();
	}
	return 0;
});
