import type { AstroIntegration } from 'astro';
import { checkFolder } from './lib/check-folder.ts';
import { contentDir } from './lib/content-dirs.ts';
import { setDevProblems } from './lib/dev-problems.ts';
import { formatProblem } from './lib/problems.ts';
import { invalidateRenderContext } from './lib/render-context.ts';

/**
 * In `npm run dev`: after every save in the report folder, check it again, print each problem as
 * file:line: field: message in the terminal, and hand them to the page banner.
 */
export function findingsReport(): AstroIntegration {
	return {
		name: 'findings-report',
		hooks: {
			'astro:server:setup': ({ server, logger }) => {
				const dir = contentDir();
				let last = '';
				const recheck = () => {
					const { problems } = checkFolder(dir);
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
