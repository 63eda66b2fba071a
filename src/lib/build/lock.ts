import { mkdirSync, rmdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { lock, unlockSync } from 'proper-lockfile';

/**
 * Where an install's lock lives: a folder, which proper-lockfile makes with one atomic mkdir. Not the
 * `build.lock` file of earlier versions, which a folder lock cannot take over.
 */
export function buildLockPath(projectRoot: string): string {
	return join(projectRoot, 'node_modules', '.cache', 'findings-report', 'build-lock');
}

/**
 * The holder touches the lock every few seconds; one left untouched for this long belongs to a process that died
 * (killed, or its machine stopped) and is taken over. Long enough that a build whose event loop is busy for a
 * while keeps its lock; a build stopped with Ctrl-C releases it at once on its way out.
 */
const STALE_MS = 30_000;
const TOUCH_MS = 3_000;
/** A takeover lasts a few system calls: a claim older than this was left by a process that died during one. */
const CLAIM_STALE_MS = 5_000;

/**
 * Takes the build lock, waiting while another live process holds it; returns its release. Astro writes each
 * build's module lists into the project's own .astro folder, so two builds in one install must take turns.
 */
export async function acquireBuildLock(path: string, onWait: () => void): Promise<() => void> {
	mkdirSync(dirname(path), { recursive: true });
	let waited = false;
	for (let delay = 50; ; delay = Math.min(delay * 2, 500)) {
		if (await tryLock(path)) return () => release(path);
		if (!takeOverIfStale(path)) {
			if (!waited) onWait();
			waited = true;
		}
		await sleep(delay);
	}
}

async function tryLock(path: string): Promise<boolean> {
	try {
		// proper-lockfile's own takeover of a stale lock lets two processes that both saw it stale each delete the
		// other's new lock (and fail on the missing folder): staleness is judged here instead, so it never judges.
		await lock(path, {
			lockfilePath: path,
			realpath: false,
			stale: Infinity,
			update: TOUCH_MS,
			onCompromised: () => warnCompromised(path),
		});
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ELOCKED' || code === 'ENOENT') return false;
		throw error;
	}
}

/**
 * Deletes the lock when its holder stopped touching it long ago; returns whether it did (or the lock was gone).
 * Only one process may delete a given dead lock: each first makes a claim folder named after that lock's inode
 * and time, which mkdir lets one make, and looks again inside it, so a fresh lock made meanwhile is never deleted.
 */
function takeOverIfStale(path: string): boolean {
	const seen = statOrUndefined(path);
	if (!seen) return true;
	if (!isStale(seen.mtimeMs, STALE_MS)) return false;
	const claim = `${path}.taking-${seen.ino}-${Math.trunc(seen.mtimeMs)}`;
	try {
		mkdirSync(claim);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
		const left = statOrUndefined(claim);
		if (left && isStale(left.mtimeMs, CLAIM_STALE_MS)) removeFolder(claim);
		return true;
	}
	try {
		const now = statOrUndefined(path);
		if (now && now.ino === seen.ino && now.mtimeMs === seen.mtimeMs) removeFolder(path);
	} finally {
		removeFolder(claim);
	}
	return true;
}

const isStale = (mtimeMs: number, limit: number) => Date.now() - mtimeMs >= limit;

function statOrUndefined(path: string) {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

function removeFolder(path: string): void {
	try {
		rmdirSync(path);
	} catch {
		// Gone already: another process finished the same cleanup.
	}
}

function release(path: string): void {
	try {
		unlockSync(path, { lockfilePath: path, realpath: false });
	} catch {
		// Already released, or taken over after this process stalled (warnCompromised said so).
	}
}

/** proper-lockfile would throw from a timer and end the build mid-write; a warning leaves the judgement to the author. */
function warnCompromised(path: string): void {
	console.error(
		`Warning: another build took over the build lock (${path}) while this one was busy for over ${STALE_MS / 1000} s; if the two builds were of different reports, build this one again.`,
	);
}
