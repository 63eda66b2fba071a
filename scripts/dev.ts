import { contentDir } from '../src/lib/content/dirs.ts';
import { commandArgs, main, projectRoot, reportProblems } from './cli.ts';

/** `npm run dev [-- <folder>] [--port 4321] [--host 127.0.0.1]`: live preview of the report folder. */
await main(async () => {
	const { values } = commandArgs({ port: { type: 'string' }, host: { type: 'string' } });
	// Problems are shown but do not stop the preview: the author is here to fix them.
	await reportProblems(contentDir());
	const { dev } = await import('astro');
	const server = await dev({
		root: projectRoot,
		server: { ...(values.port && { port: Number(values.port) }), ...(values.host && { host: values.host }) },
	});
	await new Promise<void>((resolve) => server.watcher.on('close', resolve));
	return 0;
});
