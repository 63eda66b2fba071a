import type { HookParameters } from 'astro';
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { contentDir } from '../lib/content/dirs.ts';
import { loadedContent, onContentReloaded } from '../lib/content/current.ts';
import type { ReportContent } from '../lib/content/load.ts';
import { publishedImages } from '../lib/content/published.ts';
import { setDevProblems } from '../lib/content/dev-problems.ts';
import { closePagefind, pagefindFiles } from '../lib/search/pagefind-index.ts';
import { formatProblem } from '../lib/problems.ts';
import { searchRecords } from '../lib/search/records.ts';

const TYPES: Record<string, string> = {
	'.js': 'text/javascript',
	'.css': 'text/css',
	'.json': 'application/json',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.avif': 'image/avif',
};

/**
 * In `npm run dev`: after every reading of the report folder (the loaders read it again after each save, taking
 * unchanged bodies from the render cache), print each problem as file:line: field: message and hand them to the
 * page banner; serve the search index and the images from memory.
 */
export function devServer({ server, logger }: HookParameters<'astro:server:setup'>, base: string): void {
	const dir = contentDir();
	let last = '';
	let files = new Map<string, () => Uint8Array>();
	let indexing = Promise.resolve();
	server.middlewares.use((request, response, next) => {
		// Vite has usually taken the base path off already.
		let path = decodeURIComponent((request.url ?? '').split('?')[0]!);
		if (path.startsWith(base)) path = `/${path.slice(base.length)}`;
		// Each language's search index is under its root: /pagefind/, /en/pagefind/.
		if (!/^\/(?:[a-z]{2,3}(?:-[A-Za-z0-9]+)*\/)?pagefind\//.test(path) && !path.startsWith('/_images/')) return next();
		void indexing.then(() => {
			const bytes = files.get(path.slice(1));
			if (!bytes) return next();
			response.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
			response.end(bytes());
		});
	});
	server.httpServer?.on('close', () => void closePagefind());
	const show = (content: ReportContent) => {
		const images = new Map(
			publishedImages(content).map((image) => [image.output, () => readFileSync(image.source)] as const),
		);
		files = images;
		if (content.report)
			// Each language's index under its own root, where its search page looks.
			indexing = indexing
				.then(async () => {
					const indexed = new Map<string, () => Uint8Array>(images);
					for (const [index, language] of content.languages.entries()) {
						const made = await pagefindFiles(searchRecords(content, language), language);
						const prefix = index ? `${language}/` : '';
						for (const [path, bytes] of made) indexed.set(`${prefix}pagefind/${path}`, () => bytes);
					}
					files = indexed;
				})
				.catch((error: unknown) =>
					logger.error(
						`The search index could not be built: ${error instanceof Error ? error.message : String(error)}`,
					),
				);
		setDevProblems(content.problems);
		const text = content.problems.map(formatProblem).join('\n');
		if (text === last) return;
		last = text;
		const count = content.problems.length;
		if (count) logger.warn(`${count} content ${count === 1 ? 'problem' : 'problems'}:\n${text}`);
		else logger.info('Content is valid.');
	};
	// The loaders read the folder again after each save (loader.ts); the banner and search index follow each reading.
	void loadedContent(dir).then(show);
	onContentReloaded((content) => {
		const before = last;
		show(content);
		// Astro reloads the page when the store changes; a change of problems alone needs a reload of ours.
		if (last !== before) setTimeout(() => server.hot.send({ type: 'full-reload' }), 800);
	});
}
