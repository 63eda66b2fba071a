import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { NodeCompiler } from '@myriaddreamin/typst-ts-node-compiler';

const require = createRequire(import.meta.url);

/**
 * The fonts every PDF embeds, shipped with the project from the npm registry (SIL Open Font Licence): Noto Sans
 * for Latin (Welsh and Irish letters included), Greek and Cyrillic, Noto Sans Arabic for Arabic.
 */
const FONTS = [
	'@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
	'@expo-google-fonts/noto-sans/400Regular_Italic/NotoSans_400Regular_Italic.ttf',
	'@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
	'@expo-google-fonts/noto-sans/700Bold_Italic/NotoSans_700Bold_Italic.ttf',
	'@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf',
	'@expo-google-fonts/noto-sans-arabic/700Bold/NotoSansArabic_700Bold.ttf',
];

let compiler: NodeCompiler | undefined;

function typst(): NodeCompiler {
	compiler ??= NodeCompiler.create({
		workspace: '/',
		fontArgs: [{ fontBlobs: FONTS.map((font) => readFileSync(require.resolve(font))) }],
	});
	return compiler;
}

const failure = (why: string) => new Error(`the PDF could not be made: ${why || 'Typst failed'}`);

/** Where a report's image is found by Typst: a file of its own, apart from anything on the disk. */
export const imagePath = (index: number, source: string) => `/report-images/${index}-${source.replace(/^.*[\\/]/, '')}`;

/**
 * Typst source to a tagged PDF/UA-1 file (`missing`: the text no shipped font can show, when there is some). Typst
 * refuses what PDF/UA forbids (a figure without alt text, a heading out of order): that is an error here, with
 * Typst's words. The date is the report's, so the same report gives the same bytes.
 */
export function compilePdf(
	source: string,
	images: Record<string, string>,
	asAt: string,
): { pdf: Buffer; pages: number; missing: string[] } {
	try {
		return compileWith(typst(), source, images, asAt);
	} finally {
		// Typst memoises layouts across compilations: a volume's are no use to the next, and 10,000 findings' would
		// stay in memory, 10 GB of them.
		typst().evictCache(0);
	}
}

function compileWith(
	typstCompiler: NodeCompiler,
	source: string,
	images: Record<string, string>,
	asAt: string,
): { pdf: Buffer; pages: number; missing: string[] } {
	typstCompiler.resetShadow();
	for (const [path, file] of Object.entries(images)) typstCompiler.mapShadow(path, readFileSync(file));
	const result = typstCompiler.compile({ mainFileContent: source });
	const document = result.result;
	const error = result.takeDiagnostics() ?? result.takeError();
	if (!document || result.hasError()) {
		const diagnostics = (error?.shortDiagnostics ?? []) as { message?: string }[];
		throw failure(diagnostics.map((d) => d.message ?? JSON.stringify(d)).join('; '));
	}
	const creationTimestamp = Math.floor(Date.parse(`${asAt}T12:00:00Z`) / 1000);
	const refusals = (exported: unknown) => {
		// The export's refusals come as Typst's debug text: its messages are what a reader needs.
		const raw = exported instanceof Error ? exported.message : String(exported);
		const messages = [...raw.matchAll(/message: "((?:[^"\\]|\\.)*)"/g)].map((match) =>
			match[1]!.replaceAll('\\"', '"'),
		);
		return messages.length ? messages : [raw];
	};
	try {
		return {
			pdf: typstCompiler.pdf(document, { pdfStandard: 'ua-1', creationTimestamp }),
			pages: document.numOfPages,
			missing: [],
		};
	} catch (exported) {
		const messages = refusals(exported);
		// Text in a script the shipped fonts do not cover (Malayalam, Chinese…) cannot be PDF/UA: the PDF is still
		// made, tagged, without that claim, and the build says which characters lack a font.
		const missing = messages.map(
			(message) => /^PDF\/UA-1 error: the text `"(.*)"` could not be displayed/.exec(message)?.[1],
		);
		if (missing.some((text) => text === undefined)) throw failure([...new Set(messages)].join('; '));
		return {
			pdf: typstCompiler.pdf(document, { creationTimestamp }),
			pages: document.numOfPages,
			missing: [...new Set(missing as string[])],
		};
	}
}
