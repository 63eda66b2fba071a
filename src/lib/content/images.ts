import { createHash } from 'node:crypto';
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, extname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { ImageResolver, PublishedImage } from '../markdown/images.ts';
import { displayPath } from '../display-path.ts';
import { slugify } from '../slug.ts';
import { IMAGE_EXTENSIONS, sniffImage } from './image-file.ts';

/** Where published images go in the built site. */
export const IMAGES_FOLDER = '_images';
/** Larger files are almost certainly a mistake (a video, an archive) and would slow every reader. */
const MAX_BYTES = 20 * 1024 * 1024;

/** An image file of the report, once checked: where it comes from, where it is published, and its size. */
export interface ImageFile extends PublishedImage {
	/** The real path of the source file, symlinks resolved. */
	source: string;
	/** Its path in the built site, e.g. `_images/chart.3f2a9c01d2.png`. */
	output: string;
	bytes: number;
	mtimeMs: number;
}

/** Whether `path` lies strictly inside the folder `root`; both are real paths. */
export function isInside(root: string, path: string): boolean {
	const rel = relative(root, path);
	return rel !== '' && !isAbsolute(rel) && rel.split(sep)[0] !== '..';
}

/**
 * Checks and registers the images a report's Markdown uses. An image must be a file inside the report folder
 * (after following symlinks) whose bytes are a PNG, JPEG, GIF, WebP or AVIF image; it is published under a name
 * with its content hash, with its width and height. Nothing is ever imported, so no file can run as code.
 */
export class ImageRegistry {
	readonly files = new Map<string, ImageFile>();
	readonly #root: string;
	readonly #base: string;

	constructor(reportDir: string, base: string) {
		this.#root = realpathSync(reportDir);
		this.#base = base;
	}

	/** A resolver for the images of one Markdown file; `used` collects the real paths it publishes. */
	resolverFor(markdownFile: string, used: Set<string>): ImageResolver {
		return (url) => {
			const found = this.#resolve(url, dirname(markdownFile));
			if ('problem' in found) return found;
			used.add(found.source);
			return found;
		};
	}

	/** An image known from an earlier build still stands if its file has not changed since. */
	reuse(image: ImageFile): boolean {
		try {
			const stat = statSync(image.source);
			if (stat.size !== image.bytes || stat.mtimeMs !== image.mtimeMs) return false;
		} catch {
			return false;
		}
		this.files.set(image.source, image);
		return true;
	}

	#resolve(url: string, from: string): ImageFile | { problem: string } {
		if (/^(https?:)?\/\//i.test(url))
			return {
				problem: `image "${url}" is on another site; readers' browsers would fetch it from there. Save it in the report folder (e.g. assets/) and link it by a relative path`,
			};
		if (/^[a-z][a-z0-9+.-]*:/i.test(url))
			return {
				problem: `image "${url.slice(0, 40)}" must be a file of the report, linked by a relative path such as ../assets/chart.png`,
			};
		if (url.startsWith('/'))
			return { problem: `image "${url}" must be linked relative to this file, e.g. ../assets/${basename(url)}` };
		let path: string;
		try {
			path = decodeURI(url.replace(/[?#].*$/s, ''));
		} catch {
			return { problem: `image "${url}" has a malformed %-escape; write the file name as it is` };
		}
		const wanted = resolve(from, path);
		let real: string;
		try {
			real = realpathSync(wanted);
		} catch {
			return {
				problem: `image "${url}" not found (looked for ${displayPath(wanted)}); check the path, relative to this file`,
			};
		}
		if (!isInside(this.#root, real))
			return {
				problem: `image "${url}" is outside the report folder; only files inside it are published. Copy the image into the folder (e.g. assets/)`,
			};
		return this.files.get(real) ?? this.#register(url, real);
	}

	#register(url: string, real: string): ImageFile | { problem: string } {
		const stat = statSync(real);
		if (!stat.isFile()) return { problem: `image "${url}" is a folder, not an image file` };
		if (stat.size > MAX_BYTES)
			return { problem: `image "${url}" is ${Math.round(stat.size / 1024 / 1024)} MB; make it smaller than 20 MB` };
		const bytes = readFileSync(real);
		const info = sniffImage(bytes);
		if (!info || info.type === 'svg')
			return {
				problem: info
					? `image "${url}" is an SVG, which can carry script; export it as PNG`
					: `image "${url}" is not a PNG, JPEG, GIF, WebP or AVIF image (judged by its content, not its name); replace it with one`,
			};
		const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 10);
		const stem = slugify(basename(real, extname(real)), 40) || 'image';
		const output = `${IMAGES_FOLDER}/${stem}.${hash}.${IMAGE_EXTENSIONS[info.type]}`;
		const image: ImageFile = {
			source: real,
			output,
			src: `${this.#base}${output}`,
			width: info.width,
			height: info.height,
			bytes: stat.size,
			mtimeMs: stat.mtimeMs,
		};
		this.files.set(real, image);
		return image;
	}
}
