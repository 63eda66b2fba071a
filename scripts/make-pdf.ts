import { writeFileSync } from 'node:fs';
import { loadReport } from '../src/lib/content/load.ts';
import { compilePdf } from '../src/lib/pdf/compile.ts';
import { reportTypst } from '../src/lib/pdf/document.ts';
import { pdfImages, pdfInputs } from '../src/lib/pdf/input.ts';
import { volumeFile, volumesOf } from '../src/lib/pdf/volumes.ts';
import { main } from './cli.ts';

/**
 * `node scripts/make-pdf.ts <report folder> <file.pdf>`: the report's PDF in its own language, alone, as the build
 * makes it: for `npm run benchmark` to measure the PDF's own time and memory.
 */
await main(async () => {
	const [folder, file] = process.argv.slice(2);
	if (!folder || !file) {
		console.error('usage: node scripts/make-pdf.ts <report folder> <file.pdf>');
		return 1;
	}
	const content = await loadReport(folder);
	if (content.problems.length) {
		console.error(`${folder} has ${content.problems.length} problems: run npm run check -- ${folder}`);
		return 1;
	}
	const images = pdfImages(content);
	const [input] = pdfInputs(content, images.bySrc);
	// In volumes, as the build makes it (see src/lib/pdf/volumes.ts): file.pdf, or file-1.pdf, file-2.pdf, …
	const count = volumesOf(input!.findings.length);
	let pages = 0;
	let bytes = 0;
	const started = performance.now();
	for (let number = 1; number <= count; number++) {
		const volume = { number, count };
		const made = compilePdf(reportTypst(input!, volume), images.files, input!.report.asAt);
		writeFileSync(volumeFile(file.replace(/\.pdf$/, ''), volume), made.pdf);
		pages += made.pages;
		bytes += made.pdf.length;
	}
	const seconds = ((performance.now() - started) / 1000).toFixed(1);
	console.log(
		`PDF: ${count} ${count > 1 ? 'volumes' : 'volume'}, ${pages} pages, ${(bytes / 1e6).toFixed(1)} MB, Typst ${seconds} s`,
	);
	return 0;
});
