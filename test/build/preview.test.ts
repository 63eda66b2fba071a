import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixture, ROOT, userEnv } from '../support/run.ts';

const out = mkdtempSync(join(tmpdir(), 'findings-preview-'));
mkdirSync(join(out, 'findings'));
writeFileSync(join(out, 'index.html'), '<h1>Overview</h1>');
writeFileSync(join(out, 'findings', 'index.html'), '<h1>Findings</h1>');
afterAll(() => rmSync(out, { recursive: true, force: true }));

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

describe('npm run preview', () => {
	it('serves on the --port and --host given, and redirects a folder’s address to its trailing slash', async () => {
		const port = await freePort();
		const preview = spawn(process.execPath, ['scripts/preview.ts', '--port', String(port), '--host', '127.0.0.1'], {
			cwd: ROOT,
			env: userEnv({ REPORT_CONTENT: fixture('minimal-report'), REPORT_OUT: out }),
		});
		let output = '';
		preview.stdout.on('data', (chunk) => (output += chunk));
		try {
			await expect.poll(() => output, { timeout: 20_000 }).toContain(`at http://127.0.0.1:${port}/`);
			const redirect = await fetch(`http://127.0.0.1:${port}/findings?status=open`, { redirect: 'manual' });
			expect(redirect.status).toBe(301);
			expect(redirect.headers.get('location')).toBe('/findings/?status=open');
			const page = await fetch(`http://127.0.0.1:${port}/findings/`);
			expect(await page.text()).toBe('<h1>Findings</h1>');
			expect((await fetch(`http://127.0.0.1:${port}/nothing/`)).status).toBe(404);
		} finally {
			preview.kill('SIGINT');
		}
	});
});
