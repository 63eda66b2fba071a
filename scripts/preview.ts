import { existsSync } from 'node:fs';
import { contentDir, outDir } from '../src/lib/content/dirs.ts';
import { displayPath } from '../src/lib/display-path.ts';
import { siteSettings } from '../src/lib/content/site-settings.ts';
import { commandArgs, main } from './cli.ts';
import { serve } from './lib/serve.ts';

/**
 * `npm run preview [-- <folder>] [--out <site>] [--port 4321 --host 127.0.0.1]`: serves the built site as a
 * static host would, under the report's base path, redirecting a folder's address without its trailing slash
 * (`/findings` → `/findings/`).
 */
await main(async () => {
	const { values } = commandArgs({ port: { type: 'string' }, host: { type: 'string' } });
	const out = outDir();
	if (!existsSync(out)) throw new Error(`${displayPath(out)} does not exist yet; run npm run build first`);
	const port = values.port === undefined ? 4321 : Number(values.port);
	if (!Number.isInteger(port) || port < 0 || port > 65_535)
		throw new Error(`--port ${values.port} is not a port number; use one from 1 to 65535, e.g. --port 4321`);
	const { base } = siteSettings(contentDir());
	const server = await serve(out, base, { port, host: String(values.host ?? 'localhost') });
	console.log(`Serving ${displayPath(out)} at ${server.origin}${base} (Ctrl+C to stop).`);
	await new Promise<void>((resolve) => process.once('SIGINT', resolve));
	await server.close();
	return 0;
});
