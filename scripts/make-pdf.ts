import { writeFileSync } from 'node:fs';
import { loadReport } from '../src/lib/content/load.ts';
import { compilePdf } from '../src/lib/pdf/compile.ts';
import { reportTypst } from '../src/lib/pdf/document.ts';
import { pdfImages, pdfInputs } from '../src/lib/pdf/input.ts';
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
	const started = performance.now();
	const { pdf, pages } = compilePdf(reportTypst(input!), images.files, input!.report.asAt);
	writeFileSync(file, pdf);
	console.log(
		`PDF: ${pages} pages, ${(pdf.length / 1e6).toFixed(1)} MB, Typst ${((performance.now() - started) / 1000).toFixed(1)} s`,
	);
	return 0;
});
