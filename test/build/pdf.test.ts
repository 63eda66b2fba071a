import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReport } from '../../src/lib/content/load.ts';
import { compilePdf } from '../../src/lib/pdf/compile.ts';
import { reportTypst } from '../../src/lib/pdf/document.ts';
import { pdfInputs } from '../../src/lib/pdf/input.ts';
import { FINDINGS_PER_VOLUME, volumesOf } from '../../src/lib/pdf/volumes.ts';
import { ROOT, run } from '../support/run.ts';

/** The PDF checked as a reader's tools and an archive's would: poppler-utils and qpdf. */
const tool = (name: string, ...args: string[]) => execFileSync(name, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
const work = mkdtempSync(join(tmpdir(), 'findings-pdf-'));
const FIXTURE = join(ROOT, 'test', 'fixtures', 'pdf-markdown');
let pdf: string;
let text: string;

beforeAll(() => {
	const out = join(work, 'site');
	const result = run('build', { REPORT_OUT: out }, [FIXTURE]);
	expect(result.status, result.stderr).toBe(0);
	pdf = join(out, 'data', 'every-markdown-construct-in-a-pdf.pdf');
	text = tool('pdftotext', '-layout', pdf, '-');
	tool('qpdf', '--qdf', '--object-streams=disable', pdf, join(work, 'qdf.pdf'));
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the report as a PDF', () => {
	it('is a tagged PDF with the report’s title and language, every font embedded, and no error qpdf finds', () => {
		const info = tool('pdfinfo', pdf);
		expect(info).toMatch(/^Title: +Every Markdown construct, in a PDF$/m);
		expect(info).toMatch(/^Tagged: +yes$/m);
		expect(info).toMatch(/^CreationDate: +Sun Jun 30 00:00:00 2024 UTC$/m);
		const fonts = tool('pdffonts', pdf).split('\n').slice(2).filter(Boolean);
		expect(fonts.length).toBeGreaterThan(0);
		for (const font of fonts) expect(font.split(/\s+/).at(-5), font).toBe('yes');
		expect(() => tool('qpdf', '--check', pdf)).not.toThrow();
		expect(readFileSync(join(work, 'qdf.pdf'), 'latin1')).toContain('/Lang (en-GB)');
	});

	it('has a bookmark for every part, chapter, theme and finding, and a contents page with page numbers', () => {
		const outlines = JSON.stringify(JSON.parse(tool('qpdf', '--json', '--json-key=outlines', pdf)));
		for (const title of [
			'Headline figures',
			'Method',
			'Record keeping',
			'MD-1: Every block and inline construct',
			'MD-3: An open finding',
		])
			expect(outlines).toContain(`"title":"${title}"`);
		const contents = tool('pdftotext', '-f', '2', '-l', '2', '-layout', pdf, '-');
		expect(contents).toContain('Contents');
		expect(contents).toMatch(/MD-2: A second finding[ .]+\S?\d+\s*$/m);
	});

	it('holds every published finding, its facts, recommendations and text, and no draft', () => {
		for (const words of [
			'MD-1: Every block and inline construct',
			'MD-2: A second finding',
			'MD-3: An open finding',
			'Improvement needed',
			'Keep a register of every contract let.',
			'The finance director',
			'Online: https://audit.example.org/constructs/findings/MD-1/',
		])
			expect(text).toContain(words);
		expect(text).not.toMatch(/Draftonlyword|A draft that no PDF shows/);
	});

	it('writes every Markdown construct, and the characters Typst reads as markup as text', () => {
		for (const words of [
			'#heading, $x$',
			'<label>, @ref, // not a comment, = not a heading, [brackets] and a \\ backslash',
			'☑ done',
			'☐ to do',
			'Cleaning',
			'12,000',
			'A quotation from the council',
			'code block: #set page(width: 1cm)',
			'VFM and Ctrl',
			"The footnote's text.",
		])
			expect(text).toContain(words);
		// The image from the report folder is in it.
		expect(tool('pdfimages', '-list', pdf)).toMatch(/\n\s*\d+\s+\d+\s+image\s+40\s+20\s/);
	});

	it('draws each chart as a figure whose alt text is its summary, followed by its table', () => {
		const uncompressed = readFileSync(join(work, 'qdf.pdf'), 'latin1');
		expect(uncompressed).toContain('/Alt (Completed is the largest group: 2 of 3 findings.)');
		expect(text).toMatch(/Status\s+Findings\s*\n\s*Under investigation\s+1/);
	});

	it('is refused by Typst when a figure has no alt text, as PDF/UA asks', () => {
		expect(() =>
			compilePdf('#set document(title: "T")\n#figure(rect(), caption: [A chart])', {}, '2024-06-30'),
		).toThrow(/^the PDF could not be made: .*alt/i);
	});

	it('is still made, tagged, when the report has text no shipped font shows, and says which', () => {
		const made = compilePdf('#set document(title: "T")\n#set text(lang: "ml")\nആ and Latin', {}, '2024-06-30');
		expect(made.missing).toEqual(['ആ']);
		expect(made.pdf.subarray(0, 5).toString()).toBe('%PDF-');
	});

	it('comes in volumes of 1,000 findings past that, each whole, linking only within itself', async () => {
		const [input] = pdfInputs(await loadReport(FIXTURE), {});
		const one = input!.findings[0]!;
		const findings = Array.from({ length: FINDINGS_PER_VOLUME + 1 }, (_, index) => ({
			...one,
			id: `F-${String(index + 1).padStart(4, '0')}`,
			data: { ...one.data, title: `Finding ${index + 1}`, related: index === FINDINGS_PER_VOLUME ? ['F-0001'] : [] },
		}));
		const many = { ...input!, findings };
		expect(volumesOf(findings.length)).toBe(2);
		const second = reportTypst(many, { number: 2, count: 2 });
		expect(second).not.toContain('<finding-F-0001>');
		const file = join(work, 'volume-2.pdf');
		writeFileSync(file, compilePdf(second, {}, '2024-06-30').pdf);
		const words = tool('pdftotext', file, '-');
		expect(words).toContain('Volume 2 of 2');
		expect(words).toContain('Findings F-1001 to F-1001');
		expect(words).toContain('F-1001: Finding 1001');
		expect(words).not.toContain('F-0002: Finding 2');
		// The related finding in the first volume is named, with its title.
		expect(words).toContain('F-0001: Finding 1');
		expect(tool('pdfinfo', file)).toMatch(/^Title: +Every Markdown construct, in a PDF \(Volume 2 of 2\)$/m);
	});

	it('is the same, byte for byte, from the same report', () => {
		const again = join(work, 'again');
		expect(run('build', { REPORT_OUT: again }, [FIXTURE]).status).toBe(0);
		const name = readdirSync(join(again, 'data')).find((file) => file.endsWith('.pdf'))!;
		expect(readFileSync(join(again, 'data', name)).equals(readFileSync(pdf))).toBe(true);
	});

	it('is made again only when what it shows changes', () => {
		const dir = join(work, 'rebuilt');
		execFileSync('cp', ['-r', FIXTURE, dir]);
		const out = join(work, 'rebuilt-site');
		const build = () => run('build', { REPORT_OUT: out, BUILD_TIMES: '1' }, [dir]).stdout;
		build();
		expect(build()).toContain('PDF (kept from the last build)');
		execFileSync('sh', [
			'-c',
			`sed -i 's/^title: A second finding$/title: A second finding, retitled/' ${dir}/findings/MD-2.md`,
		]);
		const again = build();
		expect(again).toMatch(/^PDF: /m);
		expect(tool('pdftotext', join(out, 'data', 'every-markdown-construct-in-a-pdf.pdf'), '-')).toContain(
			'A second finding, retitled',
		);
	});

	it('is left out with pdf: false', () => {
		// The fixture copied, with the key set: nothing else changes.
		const dir = join(work, 'no-pdf');
		execFileSync('cp', ['-r', FIXTURE, dir]);
		execFileSync('sh', ['-c', `printf 'pdf: false\\n' >> ${dir}/report.yaml`]);
		const out = join(work, 'no-pdf-site');
		expect(run('build', { REPORT_OUT: out }, [dir]).status).toBe(0);
		expect(readdirSync(join(out, 'data')).some((file) => file.endsWith('.pdf'))).toBe(false);
		expect(readFileSync(join(out, 'index.html'), 'utf8')).not.toContain('.pdf');
	});
});
