import { existsSync } from 'node:fs';
import { outDir } from '../src/lib/content-dirs.ts';
import { main, projectRoot } from './cli.ts';

await main(async () => {
	if (!existsSync(outDir())) throw new Error(`${outDir()} does not exist yet; run npm run build first`);
	const { preview } = await import('astro');
	const server = await preview({ root: projectRoot, outDir: outDir() });
	await server.closed();
	return 0;
});
