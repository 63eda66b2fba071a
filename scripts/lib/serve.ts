import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.json': 'application/json',
	'.csv': 'text/csv',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.wasm': 'application/wasm',
};

/**
 * Serves a built site on 127.0.0.1 the way a static host would (folder → index.html, else 404), under
 * the site's base path when it has one.
 */
export async function serve(root: string, base = '/'): Promise<{ origin: string; close(): Promise<void> }> {
	const server: Server = createServer((request, response) => {
		const requested = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
		const path = normalize(requested.startsWith(base) ? `/${requested.slice(base.length)}` : '/__outside_base__');
		let file = join(root, path);
		if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
		if (!file.startsWith(root) || !existsSync(file)) {
			const notFound = join(root, '404.html');
			response.writeHead(404, { 'content-type': TYPES['.html']! });
			if (existsSync(notFound)) createReadStream(notFound).pipe(response);
			else response.end('not found');
			return;
		}
		response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(response);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		origin: `http://127.0.0.1:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
