import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { incomingPath, previousPath } from './leftovers.ts';

/** Moves a folder, copying when the destination is on another disk. */
export function move(from: string, to: string): void {
	try {
		renameSync(from, to);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
		cpSync(from, to, { recursive: true });
		rmSync(from, { recursive: true, force: true });
	}
}

/**
 * Puts a finished site at `out` with two renames on one disk, so the output is never half old and half new. A
 * process killed between the two leaves no `out` but a complete `<out>.previous-<pid>`, which the next build puts
 * back first (see clearLeftovers). The previous site is deleted after this command has finished.
 */
export function swapIn(staging: string, out: string): void {
	mkdirSync(dirname(out), { recursive: true });
	const incoming = incomingPath(out, process.pid);
	const previous = previousPath(out, process.pid);
	move(staging, incoming);
	if (existsSync(out)) renameSync(out, previous);
	renameSync(incoming, out);
	removeInBackground(previous, out);
}

/**
 * Deletes the previous site in a detached process: the new site is already in place, and deleting the old one
 * (10,000 pages take seconds) need not hold up the author. The deleter first renames the folder after its own
 * process id, so that if it dies, the next build can tell the half-deleted folder from one still being deleted.
 */
function removeInBackground(previous: string, out: string): void {
	if (!existsSync(previous)) return;
	const deleter = fileURLToPath(new URL('delete-previous.ts', import.meta.url));
	spawn(process.execPath, [deleter, previous, out], { detached: true, stdio: 'ignore' }).unref();
}
