import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { displayPath } from '../display-path.ts';
import type { Problem } from '../problems.ts';
import { isInside } from './images.ts';

export interface MarkdownFile {
	/** Absolute path, as found (not resolved). */
	path: string;
	/** From its collection folder, with forward slashes, e.g. `2015/INV-07.md`. */
	relativePath: string;
	/** As printed in problems. */
	file: string;
}

/** Hidden files are editors' and systems' (`.DS_Store`, Emacs' `.#x.md` locks), never the author's content. */
const isHidden = (name: string) => name.startsWith('.');
const isMarkdown = (name: string) => name.toLowerCase().endsWith('.md');

/**
 * The Markdown files of one collection folder, sorted; sub-folders only where `nested`. A symlink is followed only
 * when it stays inside the report folder: one leading outside would publish files the author never meant to.
 */
function collect(root: string, folder: string, nested: boolean, problems: Problem[]): MarkdownFile[] {
	const start = join(root, folder);
	const files: MarkdownFile[] = [];
	const seen = new Set<string>();
	const walk = (dir: string, prefix: string) => {
		const real = realpathSync(dir);
		if (seen.has(real)) return;
		seen.add(real);
		for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
			a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
		)) {
			if (isHidden(entry.name)) continue;
			const path = join(dir, entry.name);
			const relativePath = `${prefix}${entry.name}`;
			let isDirectory = entry.isDirectory();
			if (entry.isSymbolicLink()) {
				let target: string;
				try {
					target = realpathSync(path);
				} catch {
					problems.push({
						file: displayPath(path),
						line: 1,
						field: 'file',
						message: 'this symlink leads nowhere; remove it or point it at a file inside the report folder',
					});
					continue;
				}
				if (!isInside(realpathSync(root), target)) {
					problems.push({
						file: displayPath(path),
						line: 1,
						field: 'file',
						message: 'this symlink leads outside the report folder; copy the file in instead of linking to it',
					});
					continue;
				}
				isDirectory = statSync(target).isDirectory();
			}
			if (isDirectory) {
				if (nested) walk(path, `${relativePath}/`);
			} else if (isMarkdown(entry.name)) files.push({ path, relativePath, file: displayPath(path) });
		}
	};
	try {
		if (statSync(start).isDirectory()) walk(start, '');
	} catch {
		// Themes, findings and chapters are each optional.
	}
	return files;
}

/** The Markdown files of a report folder: themes and chapters side by side, findings in any sub-folders. */
export function markdownFiles(
	root: string,
	problems: Problem[],
): Record<'themes' | 'findings' | 'pages', MarkdownFile[]> {
	return {
		themes: collect(root, 'themes', false, problems),
		findings: collect(root, 'findings', true, problems),
		pages: collect(root, 'pages', false, problems),
	};
}
