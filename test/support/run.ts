import { spawnSync } from 'node:child_process';
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
