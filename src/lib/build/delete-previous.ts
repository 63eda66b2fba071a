// Run detached by swapIn (swap.ts) as `node delete-previous.ts <previous site> <output folder>`.
import { renameSync, rmSync } from 'node:fs';
import { deletingPath } from './leftovers.ts';

const [previous, out] = process.argv.slice(2);
if (previous && out) {
	// Named after this process first: if it dies half-way, the next build sees a dead id and finishes the job.
	const doomed = deletingPath(out, process.pid);
	try {
		renameSync(previous, doomed);
		rmSync(doomed, { recursive: true, force: true });
	} catch {
		// Already gone: a build that started meanwhile took it for a leftover and deleted it.
	}
}
