import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

/** Runs one of the project's commands the way `npm run` does, with the given report folders. */
export function run(script: 'check' | 'build' | 'new', env: Record<string, string>, args: string[] = []) {
	const result = spawnSync(process.execPath, [`scripts/${script}.ts`, ...args], {
		cwd: ROOT,
		env: { ...process.env, INIT_CWD: ROOT, ...env },
		encoding: 'utf8',
	});
	return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, without blocking: for commands that must run at the same time. */
export function runAsync(script: 'check' | 'build', env: Record<string, string>): Promise<{ status: number | null; stdout: string; stderr: string }> {
	return new Promise((resolve) => {
		const child = spawn(process.execPath, [`scripts/${script}.ts`], { cwd: ROOT, env: { ...process.env, INIT_CWD: ROOT, ...env } });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}
