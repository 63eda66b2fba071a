import { contentDir } from '../src/lib/content-dirs.ts';
import { main, projectRoot, reportProblems } from './cli.ts';

await main(async () => {
	// Problems are shown but do not stop the preview: the author is here to fix them.
	reportProblems(contentDir());
	const { dev } = await import('astro');
	const server = await dev({ root: projectRoot });
	await new Promise<void>((resolve) => server.watcher.on('close', resolve));
	return 0;
});
