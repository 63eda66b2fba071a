import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Holds a lock file while a build runs. Astro writes each build's module lists into the project's own
 * .astro folder, so two builds in one install must take turns; a lock left by a process that died is cleared.
 */
export async function withBuildLock<T>(path: string, body: () => Promise<T>, onWait: () => void): Promise<T> {
	mkdirSync(dirname(path), { recursive: true });
	let waited = false;
	for (;;) {
		try {
			const fd = openSync(path, 'wx');
			writeSync(fd, String(process.pid));
			closeSync(fd);
			break;
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
	try {
		return await body();
	} finally {
		rmSync(path, { force: true });
	}
}
