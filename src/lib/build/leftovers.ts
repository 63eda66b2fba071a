import { existsSync, lstatSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * The folders a build makes outside its output, each named with the id of the process that made it, so that a
 * later build can tell which of them a process that died has left behind:
 * - beside the output: `<out>.incoming-<pid>` (the new site, just before it goes in place), `<out>.previous-<pid>`
 *   (the site it replaces, just after), `<out>.deleting-<pid>` (that site, while a background process deletes it);
 * - in the install's cache: `build-<pid>` (Astro's staging folder), `cache-<pid>` (Astro's cache) and `search-<pid>`
 *   (the search index, written while Astro renders the pages).
 */
export const incomingPath = (out: string, pid: number) => `${out}.incoming-${pid}`;
export const previousPath = (out: string, pid: number) => `${out}.previous-${pid}`;
export const deletingPath = (out: string, pid: number) => `${out}.deleting-${pid}`;
export const stagingPath = (cacheRoot: string, pid: number) => join(cacheRoot, `build-${pid}`);
export const astroCachePath = (cacheRoot: string, pid: number) => join(cacheRoot, `cache-${pid}`);
export const searchIndexPath = (cacheRoot: string, pid: number) => join(cacheRoot, `search-${pid}`);

const BESIDE = /^\.(incoming|previous|deleting)-(\d+)$/;
const CACHED = /^(build|cache|search)-(\d+)$/;

export interface Sibling {
	name: string;
	/** When the folder was last renamed or changed (ctime): the latest previous site is the one to put back. */
	changed: number;
}

export interface LeftoverPlan {
	/** The previous site to put back at the output, which a build stopped between its two renames left aside. */
	restore?: string;
	remove: string[];
}

/**
 * What to do with the leftovers of builds that died: only folders with one of the names above, and only those
 * whose process is gone; anything else, and anything of a process still running, is left alone.
 */
export function planLeftovers(input: {
	out: string;
	outExists: boolean;
	siblings: readonly Sibling[];
	cacheRoot: string;
	cacheEntries: readonly string[];
	alive: (pid: number) => boolean;
}): LeftoverPlan {
	const prefix = basename(input.out);
	const dead = input.siblings.filter((sibling) => {
		if (!sibling.name.startsWith(prefix)) return false;
		const match = BESIDE.exec(sibling.name.slice(prefix.length));
		return match !== null && !input.alive(Number(match[2]));
	});
	const previous = dead
		.filter((sibling) => sibling.name.startsWith(`${prefix}.previous-`))
		.sort((a, b) => b.changed - a.changed);
	const restore = input.outExists ? undefined : previous[0];
	const remove = dead.filter((sibling) => sibling !== restore).map((sibling) => join(dirname(input.out), sibling.name));
	for (const name of input.cacheEntries) {
		const match = CACHED.exec(name);
		if (match && !input.alive(Number(match[2]))) remove.push(join(input.cacheRoot, name));
	}
	return { restore: restore && join(dirname(input.out), restore.name), remove };
}

/** Whether a process with this id is running (one of another user counts: it cannot be signalled, but it is there). */
export function alive(pid: number): boolean {
	if (pid === process.pid) return true;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Puts back a previous site that a stopped build left aside, and deletes what dead builds left; returns the
 * folder it put back, if any. A leftover that cannot be deleted now stays for the next build to try again.
 */
export function clearLeftovers(out: string, cacheRoot: string): string | undefined {
	const outExists = lstatOrUndefined(out) !== undefined;
	const plan = planLeftovers({
		out,
		outExists,
		siblings: siblings(out),
		cacheRoot,
		cacheEntries: entries(cacheRoot),
		alive,
	});
	if (plan.restore) renameSync(plan.restore, out);
	for (const path of plan.remove) {
		try {
			rmSync(path, { recursive: true, force: true });
		} catch {
			// A background deleter may be removing the same folder: whichever finishes, it goes.
		}
	}
	return plan.restore;
}

function siblings(out: string): Sibling[] {
	const prefix = `${basename(out)}.`;
	return entries(dirname(out))
		.filter((name) => name.startsWith(prefix))
		.flatMap((name) => {
			const stat = lstatOrUndefined(join(dirname(out), name));
			return stat?.isDirectory() ? [{ name, changed: stat.ctimeMs }] : [];
		});
}

function entries(dir: string): string[] {
	return existsSync(dir) ? readdirSync(dir) : [];
}

function lstatOrUndefined(path: string) {
	try {
		return lstatSync(path);
	} catch {
		return undefined;
	}
}
