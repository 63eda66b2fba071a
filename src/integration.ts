import type { AstroIntegration } from 'astro';
import { extname } from 'node:path';
import { checkFolder } from './lib/check-folder.ts';
import { contentDir } from './lib/content-dirs.ts';
import { setDevProblems } from './lib/dev-problems.ts';
import { formatProblem } from './lib/problems.ts';
import { closePagefind, pagefindFiles } from './lib/pagefind-index.ts';
import { invalidateRenderContext } from './lib/render-context.ts';
import { searchRecords } from './lib/search-records.ts';

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' };

/**
 * In `npm run dev`: after every save in the report folder, check it again, print each problem as
 * file:line: field: message in the terminal, hand them to the page banner, and rebuild the search index,
 * which it serves from memory, so that an author can search their words before publishing.
 */
export function findingsReport(): AstroIntegration {
	let base = '/';
	return {
		name: 'findings-report',
		hooks: {
			'astro:config:done': ({ config }) => {
				base = config.base.endsWith('/') ? config.base : `${config.base}/`;
			},
			'astro:server:setup': ({ server, logger }) => {
				const dir = contentDir();
				let last = '';
				let index = new Map<string, Uint8Array>();
				let indexing = Promise.resolve();
				server.middlewares.use((request, response, next) => {
					// Vite has usually taken the base path off already.
					let path = (request.url ?? '').split('?')[0]!;
					if (path.startsWith(base)) path = `/${path.slice(base.length)}`;
					if (!path.startsWith('/pagefind/')) return next();
					void indexing.then(() => {
						const bytes = index.get(decodeURIComponent(path.slice('/pagefind/'.length)));
						if (!bytes) return next();
						response.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
						response.end(bytes);
					});
				});
				server.httpServer?.on('close', () => void closePagefind());
				const recheck = () => {
					const { content, problems } = checkFolder(dir);
					if (content?.report)
						indexing = indexing
							.then(() => pagefindFiles(searchRecords(content), content.report!.data.language))
							.then((files) => void (index = files))
							.catch((error: unknown) => logger.error(`The search index could not be built: ${error instanceof Error ? error.message : String(error)}`));
					setDevProblems(problems);
					const text = problems.map(formatProblem).join('\n');
					if (text === last) return;
					last = text;
					if (problems.length) logger.warn(`${problems.length} content ${problems.length === 1 ? 'problem' : 'problems'}:\n${text}`);
					else logger.info('Content is valid.');
				};
				recheck();
				server.watcher.add(dir);
				server.watcher.on('all', (_event, path) => {
					if (!path.startsWith(dir)) return;
					invalidateRenderContext();
					// A chapter's :count depends on every finding, but Vite only recompiles the file that changed:
					// drop every compiled Markdown file of the report so that each page counts afresh.
					for (const environment of Object.values(server.environments))
						for (const module of environment.moduleGraph.idToModuleMap.values())
							if (module.file?.startsWith(dir) && module.file.endsWith('.md')) environment.moduleGraph.invalidateModule(module);
					recheck();
					server.hot.send({ type: 'full-reload' });
				});
			},
		},
	};
}
