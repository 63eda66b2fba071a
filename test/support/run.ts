import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** The environment of a command as an author runs it: without what Vitest sets for its own workers. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
	const env = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV' && name !== 'TEST',
		),
	);
	return { ...env, INIT_CWD: ROOT, ...extra };
}

/** How long a command may run in a test: one that has not ended by then is killed, and its status is null. */
const COMMAND_WITHIN_MS = 300_000;

/** Runs one of the project's commands the way `npm run` does, with the given report folders. */
export function run(script: 'check' | 'build' | 'new' | 'snapshot', env: Record<string, string>, args: string[] = []) {
	const result = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
		cwd: ROOT,
		env: userEnv(env),
		encoding: 'utf8',
		timeout: COMMAND_WITHIN_MS,
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking: for commands that must run at the same time. */
export function runAsync(
	script: 'check' | 'build',
	env: Record<string, string>,
): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [`scripts/${script}.ts`], { cwd: ROOT, env: userEnv(env) });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}
