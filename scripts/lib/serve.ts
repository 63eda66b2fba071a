import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.mjs': 'text/javascript',
	'.json': 'application/json',
	'.csv': 'text/csv; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.xml': 'application/xml',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
	'.wasm': 'application/wasm',
	'.zip': 'application/zip',
	'.pf_meta': 'application/octet-stream',
};

/** What a static host compresses: text. Images, the zip and Pagefind's files are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.txt', '.xml', '.svg']);

export interface ServeOptions {
	port?: number;
	host?: string;
}

/**
 * Serves a built site the way a static host does (a folder's address without its slash is redirected to it, a
 * folder serves its index.html, anything else missing is a 404, text is gzipped for a browser that asks), under
 * the site's base path when it has one.
 */
export async function serve(
	root: string,
	base = '/',
	options: ServeOptions = {},
): Promise<{ origin: string; close(): Promise<void> }> {
	const server: Server = createServer((request, response) => {
		const url = new URL(request.url ?? '/', 'http://x');
		const requested = decodeURIComponent(url.pathname);
		const path = normalize(requested.startsWith(base) ? `/${requested.slice(base.length)}` : '/__outside_base__');
		let file = join(root, path);
		const inside = file === root || file.startsWith(root.endsWith(sep) ? root : `${root}${sep}`);
		if (inside && existsSync(file) && statSync(file).isDirectory()) {
			if (!url.pathname.endsWith('/')) {
				response.writeHead(301, { location: `${url.pathname}/${url.search}` });
				response.end();
				return;
			}
			file = join(file, 'index.html');
		}
		if (!inside || !existsSync(file)) {
			const notFound = join(root, '404.html');
			response.writeHead(404, { 'content-type': TYPES['.html']! });
			if (existsSync(notFound)) createReadStream(notFound).pipe(response);
			else response.end('not found');
			return;
		}
		const type = TYPES[extname(file)] ?? 'application/octet-stream';
		// As hosts do, so that what is measured here (Lighthouse, page weight) is what a reader gets.
		if (COMPRESSIBLE.has(extname(file)) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))) {
			response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
			createReadStream(file).pipe(createGzip()).pipe(response);
			return;
		}
		response.writeHead(200, { 'content-type': type });
		createReadStream(file).pipe(response);
	});
	const host = options.host ?? '127.0.0.1';
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, resolve);
	});
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	return {
		origin: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}
