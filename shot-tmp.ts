import { launch } from './test/support/browser.ts';
import { serve } from './test/support/serve.ts';
const server = await serve('/work/main/dist');
const browser = await launch();
const [width, scheme, ...paths] = process.argv.slice(2);
const ctx = await browser.newContext({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme as 'light' | 'dark' });
const page = await ctx.newPage();
page.on('console', (m) => console.log('console:', m.type(), m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
for (const path of paths) {
	await page.goto(server.origin + path);
	await page.waitForTimeout(700);
	const file = `/tmp/s-${width}-${scheme}-${path.replace(/\W+/g, '_')}.png`;
	await page.screenshot({ path: file, fullPage: true });
	console.log(file);
}
await browser.close(); await server.close();
