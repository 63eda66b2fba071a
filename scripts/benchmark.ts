import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main, projectRoot } from './cli.ts';

/**
 * `npm run benchmark [-- <findings>]`: generates a report of that many findings (default 10,000), builds it,
 * and prints the build time and the sizes a reader downloads. Results are recorded in the README.
 */
await main(() => {
	const count = Number(process.argv[2] ?? 10_000);
	const work = mkdtempSync(join(tmpdir(), 'findings-bench-'));
	const content = join(work, 'content');
	const out = join(work, 'dist');
	const node = process.execPath;
	try {
		execFileSync(node, ['scripts/generate-report.ts', content, String(count)], { cwd: projectRoot, stdio: 'ignore' });
		const started = performance.now();
		const log = execFileSync(node, ['scripts/build.ts'], { cwd: projectRoot, env: { ...process.env, REPORT_CONTENT: content, REPORT_OUT: out, BUILD_TIMES: '1' }, encoding: 'utf8' });
		const seconds = (performance.now() - started) / 1000;
		const steps = [...log.matchAll(/^(pages|search index|offline edition[^:]*): ([\d.]+ s)$/gm)].map(([, step, time]) => `${step} ${time}`);
		const files = readdirSync(out, { recursive: true }).map(String).filter((file) => statSync(join(out, file)).isFile());
		const html = files.filter((file) => file.endsWith('.html')).map((file) => ({ file, bytes: statSync(join(out, file)).size }));
		const largest = html.reduce((a, b) => (b.bytes > a.bytes ? b : a));
		const size = (file: string) => {
			const bytes = readFileSync(join(out, file));
			return `${(bytes.length / 1e6).toFixed(2)} MB (${(gzipSync(bytes).length / 1e6).toFixed(2)} MB gzipped)`;
		};
		const total = files.reduce((sum, file) => sum + statSync(join(out, file)).size, 0);
		console.log(`| findings | ${count.toLocaleString('en')} |`);
		console.log(`| build (check + Astro), s | ${seconds.toFixed(1)} (${steps.join(', ')}) |`);
		console.log(`| pages (HTML files) | ${html.length.toLocaleString('en')} |`);
		console.log(`| site on disk | ${(total / 1e6).toFixed(1)} MB |`);
		console.log(`| largest HTML page | ${largest.file}: ${(largest.bytes / 1e6).toFixed(2)} MB |`);
		console.log(`| findings/index.html | ${size('findings/index.html')} |`);
		console.log(`| data/findings-table.js (loaded by the table) | ${size('data/findings-table.js')} |`);
		console.log(`| data/findings.json | ${size('data/findings.json')} |`);
		const zip = files.find((file) => file.endsWith('-offline.zip'))!;
		console.log(`| offline edition, ${zip} | ${(statSync(join(out, zip)).size / 1e6).toFixed(1)} MB |`);
		return 0;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
});
