import { spawn } from 'node:child_process';
import {
	existsSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	utimesSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireBuildLock } from '../../src/lib/build/lock.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

// A build in miniature: takes the lock, notes when it holds it, holds it a while, lets go.
const holder = join(work, 'holder.mjs');
writeFileSync(
	holder,
	`import { appendFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
const { acquireBuildLock } = await import(${JSON.stringify(new URL('../../src/lib/build/lock.ts', import.meta.url).href)});
const [lock, log, hold] = process.argv.slice(2);
const release = await acquireBuildLock(lock, () => appendFileSync(log, 'wait ' + process.pid + '\\n'));
appendFileSync(log, 'start ' + process.pid + '\\n');
await sleep(Number(hold));
appendFileSync(log, 'end ' + process.pid + '\\n');
release();
`,
);

function hold(lock: string, log: string, ms: number): Promise<number | null> {
	return new Promise((resolve) =>
		spawn(process.execPath, [holder, lock, log, String(ms)], { stdio: 'inherit' }).on('close', resolve),
	);
}

const events = (log: string) => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);

describe('the build lock', () => {
	it('makes processes that start together on a dead lock take turns, one at a time', async () => {
		const dir = join(work, 'together');
		const lock = join(dir, 'build-lock');
		const log = join(dir, 'log');
		// Left by a build killed an hour ago: it stopped touching its lock then.
		mkdirSync(lock, { recursive: true });
		utimesSync(lock, new Date(Date.now() - 3_600_000), new Date(Date.now() - 3_600_000));
		expect(await Promise.all(Array.from({ length: 6 }, () => hold(lock, log, 150)))).toEqual([0, 0, 0, 0, 0, 0]);
		const turns = events(log).filter((line) => !line.startsWith('wait'));
		expect(turns).toHaveLength(12);
		for (let i = 0; i < turns.length; i += 2)
			expect([turns[i]!.split(' ')[0], turns[i + 1]]).toEqual(['start', `end ${turns[i]!.split(' ')[1]}`]);
		expect(readdirSync(dir)).toEqual(['log']);
	});

	it('tells a waiting process once, and hands the lock over on release', async () => {
		const dir = join(work, 'handover');
		const lock = join(dir, 'build-lock');
		const log = join(dir, 'log');
		let waits = 0;
		const release = await acquireBuildLock(lock, () => waits++);
		expect(waits).toBe(0);
		expect(existsSync(lock)).toBe(true);
		const other = hold(lock, log, 0);
		await expect.poll(() => events(log), { timeout: 10_000 }).toEqual([expect.stringMatching(/^wait \d+$/)]);
		// Held for a while longer than the waiter's backoff: it keeps waiting, and says so only once.
		await new Promise((resolve) => setTimeout(resolve, 1_200));
		expect(events(log)).toHaveLength(1);
		release();
		expect(await other).toBe(0);
		expect(events(log).map((line) => line.split(' ')[0])).toEqual(['wait', 'start', 'end']);
		expect(existsSync(lock)).toBe(false);
	});

	it('takes over a lock whose holder died, without waiting', async () => {
		const lock = join(work, 'dead', 'build-lock');
		mkdirSync(lock, { recursive: true });
		utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
		let waits = 0;
		const release = await acquireBuildLock(lock, () => waits++);
		expect(waits).toBe(0);
		release();
		expect(readdirSync(join(work, 'dead'))).toEqual([]);
	});

	it('makes a second taker in the same process wait too', async () => {
		const dir = join(work, 'touched');
		const lock = join(dir, 'build-lock');
		const release = await acquireBuildLock(lock, () => {});
		let waited = false;
		const second = acquireBuildLock(lock, () => (waited = true));
		await expect.poll(() => waited).toBe(true);
		release();
		(await second)();
	});
});
