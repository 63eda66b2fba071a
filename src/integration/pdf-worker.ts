import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { compilePdf } from '../lib/pdf/compile.ts';
import { reportTypst, type PdfInput } from '../lib/pdf/document.ts';
import { writeCacheFile } from '../lib/plumbing/cache-file.ts';
import { faultPoint } from '../lib/plumbing/fault.ts';

/** What the build asks of the PDF's worker: each language's PDF, written to `file` under `folder`. */
export interface PdfMessage {
	folder: string;
	asAt: string;
	/** The report's images, as Typst reads them: its own path for each, and the file it is. */
	images: Record<string, string>;
	/** `cache`: where the last PDF of this language was kept, and a digest of the code that made it. */
	documents: { input: PdfInput; file: string; cache: { path: string; code: string } }[];
}

export interface PdfMade {
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
	const made: PdfMade[] = message.documents.map(({ input, file, cache }) => {
		const source = reportTypst(input);
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
	});
	parentPort!.postMessage(made);
});
