import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { main, projectRoot } from './cli.ts';

/** Generates Astro's collection types, then type-checks the whole project with tsc. */
await main(async () => {
	const { sync } = await import('astro');
	await sync({ root: projectRoot, logLevel: 'warn' });
	// TypeScript 7 exports no bin path to resolve; its tsc sits where npm installed it.
	const tsc = join(projectRoot, 'node_modules', 'typescript', 'bin', 'tsc');
	return spawnSync(process.execPath, [tsc, '--noEmit'], { cwd: projectRoot, stdio: 'inherit' }).status ?? 1;
});
