import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { compilePdf } from '../lib/pdf/compile.ts';
import { reportTypst, type PdfInput } from '../lib/pdf/document.ts';
import { faultPoint } from '../lib/plumbing/fault.ts';

/** What the build asks of the PDF's worker: each language's PDF, written to `file` under `folder`. */
export interface PdfMessage {
	folder: string;
	asAt: string;
	/** The report's images, as Typst reads them: its own path for each, and the file it is. */
	images: Record<string, string>;
	documents: { input: PdfInput; file: string }[];
}

export interface PdfMade {
	file: string;
	bytes: number;
	pages: number;
	/** Characters no shipped font has: the PDF is then not PDF/UA-1 (see compile.ts). */
	missing: string[];
}

// Run by the build in a worker thread, started once the check has passed: Typst lays the report out while Astro
// renders the pages.
parentPort!.on('message', (message: PdfMessage) => {
	faultPoint('pdf');
	const made: PdfMade[] = message.documents.map(({ input, file }) => {
		const { pdf, pages, missing } = compilePdf(reportTypst(input), message.images, message.asAt);
		const path = join(message.folder, file);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, pdf);
		return { file, bytes: pdf.length, pages, missing };
	});
	parentPort!.postMessage(made);
});
