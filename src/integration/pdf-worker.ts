import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { compilePdf } from '../lib/pdf/compile.ts';
import { reportTypst, type PdfInput } from '../lib/pdf/document.ts';
import { volumeFile, volumesOf, type Volume } from '../lib/pdf/volumes.ts';
import { writeCacheFile } from '../lib/plumbing/cache-file.ts';
import { faultPoint } from '../lib/plumbing/fault.ts';

/** What the build asks of the PDF's worker: each language's PDF, in volumes named after `name`, into `folder`. */
export interface PdfMessage {
	folder: string;
	asAt: string;
	/** The report's images, as Typst reads them: its own path for each, and the file it is. */
	images: Record<string, string>;
	/** `cache`: where the last PDF of this language was kept, and a digest of the code that made it. */
	documents: { input: PdfInput; folder: string; name: string; cache: { path: string; code: string } }[];
}

export interface PdfMade {
	language: string;
	volume: Volume;
	/** From the site's root, e.g. `en/data/report-2.pdf`. */
	file: string;
	bytes: number;
	pages: number;
	/** Characters no shipped font has: the PDF is then not PDF/UA-1 (see compile.ts). */
	missing: string[];
	/** Whether it is the last build's, its inputs unchanged. */
	kept: boolean;
}

/** The PDF the last build made of this language, if it was made from the same inputs. */
function readKept(path: string, digest: string): { pdf: Buffer; pages: number; missing: string[] } | undefined {
	try {
		const meta = JSON.parse(readFileSync(`${path}.json`, 'utf8')) as {
			digest: string;
			pages: number;
			missing: string[];
		};
		return meta.digest === digest && existsSync(path)
			? { pdf: readFileSync(path), pages: meta.pages, missing: meta.missing }
			: undefined;
	} catch {
		return undefined;
	}
}

// Run by the build in a worker thread, started once the check has passed: Typst lays the report out while Astro
// renders the pages.
parentPort!.on('message', (message: PdfMessage) => {
	faultPoint('pdf');
	const made: PdfMade[] = message.documents.flatMap(({ input, folder, name, cache: language }) => {
		const count = volumesOf(input.findings.length);
		return Array.from({ length: count }, (_, index) => {
			const volume = { number: index + 1, count };
			const cache = { path: count > 1 ? `${language.path}-${volume.number}` : language.path, code: language.code };
			return {
				language: input.language,
				volume,
				...makeVolume(reportTypst(input, volume), join(folder, volumeFile(name, volume)), cache, message),
			};
		});
	});
	parentPort!.postMessage(made);
});

/** One volume: from the last build's cache when its inputs are unchanged, else laid out by Typst. */
function makeVolume(
	source: string,
	file: string,
	cache: { path: string; code: string },
	message: PdfMessage,
): Pick<PdfMade, 'file' | 'bytes' | 'pages' | 'missing' | 'kept'> {
	// The same source, images and code give the same PDF: a rebuild that changes nothing it shows keeps it.
	const key = createHash('sha256').update(cache.code).update(source).update(message.asAt);
	for (const image of Object.values(message.images)) key.update(readFileSync(image));
	const digest = key.digest('base64url');
	const kept = readKept(cache.path, digest);
	const { pdf, pages, missing } = kept ?? compilePdf(source, message.images, message.asAt);
	if (!kept) {
		writeCacheFile(cache.path, pdf);
		writeCacheFile(`${cache.path}.json`, JSON.stringify({ digest, pages, missing }));
	}
	const path = join(message.folder, file);
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, pdf);
	return { file, bytes: pdf.length, pages, missing, kept: kept !== undefined };
}
