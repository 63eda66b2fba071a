import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireBuildLock, buildLockPath } from '../../src/lib/build/lock.ts';
import { fixture, ROOT, run, userEnv } from '../support/run.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-network-'));
const log = join(work, 'attempts.log');
const hook = fileURLToPath(new URL('../support/no-network.ts', import.meta.url));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * A command's environment with every connection to another host refused and logged, as on a machine that must
 * send nothing; without the variables that tell tools they run in CI (Astro checks for updates only outside it),
 * and with fresh tool preferences (Astro checks once every few days).
 */
function offline(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env = userEnv({
		...extra,
		NODE_OPTIONS: `--import=${hook}`,
		NO_NETWORK_LOG: log,
		XDG_CONFIG_HOME: join(work, 'config'),
	});
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION', 'BUILD_NUMBER', 'RUN_ID', 'GITHUB_ACTIONS']) delete env[name];
	return env;
}

const attempts = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');

function freePort(): Promise<number> {
	return new Promise((resolve) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => resolve(port));
		});
	});
}

/** Starts a server command, asks it for `path` until it answers, and stops it; gives what it printed. */
async function serveOnce(script: string, env: NodeJS.ProcessEnv, path: (origin: string) => string): Promise<string> {
	const port = await freePort();
	const child = spawn(process.execPath, [script, '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env });
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	try {
		const url = path(`http://127.0.0.1:${port}`);
		const deadline = Date.now() + 60_000;
		while (
			(await fetch(url).then(
				(response) => response.status,
				() => 0,
			)) !== 200
		) {
			if (Date.now() > deadline) throw new Error(`${script} did not answer ${url}:\n${output}`);
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		// Long enough for a check that runs after the start (Astro's runs then) to have been made.
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		return output;
	} finally {
		child.kill();
	}
}

describe('nothing leaves the machine', () => {
	it('is what the test sees: an attempt to reach another host is caught', () => {
		rmSync(log, { force: true });
		const tried = spawnSync(process.execPath, ['-e', "fetch('https://example.org/').catch(() => {})"], {
			env: offline(),
			encoding: 'utf8',
		});
		expect(tried.status, tried.stderr).toBe(0);
		expect(attempts()).toMatch(/example\.org/);
	});

	it('from the check, the build, the preview and the dev server', async () => {
		rmSync(log, { force: true });
		const content = fixture('second-report');
		const out = join(work, 'site');
		expect(
			spawnSync(process.execPath, ['scripts/check.ts'], { cwd: ROOT, env: offline({ REPORT_CONTENT: content }) })
				.status,
		).toBe(0);
		const built = spawnSync(process.execPath, ['scripts/build.ts'], {
			cwd: ROOT,
			env: offline({ REPORT_CONTENT: content, REPORT_OUT: out }),
			encoding: 'utf8',
		});
		expect(built.status, built.stderr).toBe(0);
		await serveOnce(
			'scripts/preview.ts',
			offline({ REPORT_CONTENT: content, REPORT_OUT: out }),
			(origin) => `${origin}/procurement-2025/`,
		);
		// The dev server and a build share the project's .astro folder: builds elsewhere wait (see dev.test.ts).
		const release = await acquireBuildLock(buildLockPath(ROOT), () => {});
		try {
			await serveOnce(
				'scripts/dev.ts',
				offline({ REPORT_CONTENT: content }),
				(origin) => `${origin}/procurement-2025/`,
			);
		} finally {
			release();
		}
		expect(attempts()).toBe('');
	}, 180_000);
});
