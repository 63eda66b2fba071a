import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where an install's lock lives. */
export function buildLockPath(projectRoot: string): string {
	return join(projectRoot, 'node_modules', '.cache', 'findings-report', 'build.lock');
}

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Takes the lock file, waiting while another live process holds it; returns its release. Astro writes each
 * build's module lists into the project's own .astro folder, so two builds in one install must take turns;
 * a lock left by a process that died is cleared.
 */
export async function acquireBuildLock(path: string, onWait: () => void): Promise<() => void> {
	mkdirSync(dirname(path), { recursive: true });
	let waited = false;
	for (;;) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			return () => rmSync(path, { force: true });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(readFileSync(path, 'utf8'));
			if (!holder || !alive(holder)) {
				rmSync(path, { force: true });
				continue;
			}
			if (!waited) onWait();
			waited = true;
			await sleep(250);
		}
	}
}
