import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** What running a command cost: wall time, and the peak resident memory of it and every process it started. */
export type Measured = {
	seconds: number;
	/** Undefined where /proc cannot be read (not Linux). */
	peakBytes: number | undefined;
	stdout: string;
	stderr: string;
};

/** Every process's parent, read from /proc/<pid>/stat; processes that end while being read are skipped. */
function parents(): Map<number, number> {
	const parentOf = new Map<number, number>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// The command name sits in parentheses and may itself hold spaces or parentheses: read after the last one.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			parentOf.set(Number(name), ppid);
		} catch {}
	}
	return parentOf;
}

function rssBytes(pid: number): number {
	try {
		const kib = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
		return kib ? Number(kib) * 1024 : 0;
	} catch {
		return 0;
	}
}

/**
 * The resident memory of a process and all its descendants, in bytes. Pages shared between them (libraries) count
 * once per process, so this is an upper bound, as `top` would add it up.
 */
export function treeRss(root: number): number {
	const children = new Map<number, number[]>();
	for (const [pid, ppid] of parents()) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
	let total = 0;
	const queue = [root];
	for (let pid = queue.pop(); pid !== undefined; pid = queue.pop()) {
		total += rssBytes(pid);
		queue.push(...(children.get(pid) ?? []));
	}
	return total;
}

const canSample = (() => {
	try {
		readFileSync('/proc/self/status');
		return true;
	} catch {
		return false;
	}
})();

/**
 * Runs a command to its end, sampling its process tree's memory every `intervalMs`; rejects with the end of its
 * output when it fails, so that the reason shows.
 */
export function measure(
	command: string,
	args: readonly string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; intervalMs?: number } = {},
): Promise<Measured> {
	return new Promise((resolve, reject) => {
		const started = performance.now();
		const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		let peak = 0;
		const sample = () => {
			if (child.pid !== undefined && child.exitCode === null) peak = Math.max(peak, treeRss(child.pid));
		};
		const timer = canSample ? setInterval(sample, options.intervalMs ?? 100) : undefined;
		sample();
		child.once('error', (error) => {
			clearInterval(timer);
			reject(new Error(`could not start ${command}: ${error.message}`));
		});
		child.once('close', (code, signal) => {
			clearInterval(timer);
			const seconds = (performance.now() - started) / 1000;
			if (code === 0) return resolve({ seconds, peakBytes: canSample ? peak : undefined, stdout, stderr });
			const tail = (stderr.trim() || stdout.trim()).split('\n').slice(-20).join('\n');
			reject(
				new Error(
					`${[command, ...args].join(' ')} ${signal ? `was stopped by ${signal}` : `exited with code ${code}`}${tail ? `:\n${tail}` : ''}`,
				),
			);
		});
	});
}
