import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CACHE_ROOT } from '../lib/content/current.ts';
import type { ReportContent } from '../lib/content/load.ts';
import { formatBytes } from '../lib/format.ts';
import { ENGLISH } from '../lib/i18n/catalogues.ts';
import type { Words } from '../lib/i18n/messages.ts';
import { translator } from '../lib/i18n/translate.ts';
import { editionReadme, type EditionSettings, type PreparedEdition } from '../lib/offline/edition.ts';
import { editionNote } from '../lib/offline/html.ts';
import { escapeHtml } from '../lib/table/render.ts';
import type { EditionMessage } from './offline-edition-worker.ts';
import { SearchIndexer, type LanguageIndex } from '../lib/build/search-indexer.ts';
import { placeKeptPages } from '../lib/build/page-reuse.ts';
import { cacheFileFor } from '../lib/plumbing/cache-file.ts';
import { codeDigest } from '../lib/plumbing/code-digest.ts';
import { Thread } from '../lib/plumbing/thread.ts';
import { searchIndexPath } from '../lib/build/leftovers.ts';
import { move } from '../lib/build/swap.ts';
import { publishedImages } from '../lib/content/published.ts';
import { checkPagefindIndex } from '../lib/search/pagefind-index.ts';
import { searchRecords, type SearchRecord } from '../lib/search/records.ts';
import { PrecacheList, serviceWorkerSource } from '../lib/offline/service-worker.ts';
import { offlineEditionName, reportSlug } from '../lib/slug.ts';
import { pdfImages, pdfInputs } from '../lib/pdf/input.ts';
import type { PdfMade, PdfMessage } from './pdf-worker.ts';
import { session } from '../lib/session.ts';
import { faultPoint } from '../lib/plumbing/fault.ts';

/** The report's words, or English ones for what the command line says. */
function wordsOf(content?: ReportContent, language = content?.languages[0] ?? 'en'): Words {
	return { language, t: translator(language, content?.strings[language] ?? ENGLISH) };
}
/** With BUILD_TIMES=1, how long each step of the build took, for benchmarks. */
export function stepTimer(): (label: string) => void {
	let last = performance.now();
	return (label) => {
		const now = performance.now();
		if (process.env.BUILD_TIMES) console.log(`${label}: ${((now - last) / 1000).toFixed(1)} s`);
		last = now;
	};
}

/**
 * Starts the offline edition in a worker thread (see offline-edition-worker.ts). It makes its search index once
 * Pagefind has made the hosted one, on the core that Pagefind leaves idle while Astro still renders the pages (and
 * would contend for before), then the entries of the pages Astro has written by then; it makes the rest when given
 * the built site. Its errors fail the build then.
 */
export function startOfflineEdition(content: ReportContent, search: SearchIndexing): StartedEdition {
	const report = content.report!.data;
	const { t } = wordsOf(content);
	const settings: EditionSettings = {
		base: content.base,
		note: editionNote(report.site, t),
		name: offlineEditionName(report),
		searches: search.indexes,
		readme: editionReadme(report, t),
		modified: new Date(`${report.asAt}T12:00:00Z`),
		cache: { path: cacheFileFor(CACHE_ROOT, 'edition', content.dir, 'bin'), code: codeDigest() },
	};
	const written = Promise.withResolvers<{ path: string; bytes: number }>();
	const thread = new Thread<EditionMessage, { path: string; bytes: number }>(
		new URL('./offline-edition-worker.ts', import.meta.url),
		'the offline edition',
		written.resolve,
	);
	let prepared = false;
	const prepare = () => {
		if (!prepared) thread.post({ settings });
		prepared = true;
	};
	search.indexer.done.then(prepare, prepare);
	return {
		ahead: (dir) => thread.post({ ahead: dir }),
		async write(dist) {
			prepare();
			thread.post({ dist });
			try {
				return await thread.during(written.promise);
			} finally {
				await thread.close();
			}
		},
		close: () => thread.close(),
	};
}

function write(path: string, bytes: Uint8Array | string): void {
	mkdirSync(dirname(path), { recursive: true });
	writeFileSync(path, bytes);
}

export interface SearchIndexing {
	/** Each language's records and where its index is written, as soon as it is made: the build moves it into the site. */
	indexes: (LanguageIndex & { records: SearchRecord[]; prefix: string })[];
	indexer: SearchIndexer;
}

/**
 * Starts indexing the report's search records in Pagefind's own process, and writing the index aside, while
 * Astro renders the pages; `indexer` is one already started on the last build's records.
 */
export function startSearchIndex(content: ReportContent, folder: string, indexer?: SearchIndexer): SearchIndexing {
	const indexes = content.languages.map((language, index) => ({
		language,
		records: searchRecords(content, language),
		folder: index === 0 ? folder : `${folder}-${language}`,
		prefix: index === 0 ? '' : `${language}/`,
	}));
	for (const { folder: each } of indexes) rmSync(each, { recursive: true, force: true });
	const started = indexer ?? new SearchIndexer();
	started.index(indexes);
	return { indexes, indexer: started };
}

/** An offline edition whose worker has started: `close` ends it, whatever it is doing. */
export interface StartedEdition extends PreparedEdition {
	close(): Promise<void>;
}

/** A build's search index, PDFs and offline edition, started for one reading of the report folder. */
export interface StartedSteps {
	content: ReportContent;
	search: SearchIndexing;
	edition: StartedEdition;
	pdf: StartedPdf | undefined;
}

/** The PDFs under way in their worker: `made` gives each one's file (under `folder`), size and pages. */
export interface StartedPdf {
	folder: string;
	made(): Promise<PdfMade[]>;
	close(): Promise<void>;
}

/** `data/<shortName>.pdf` in each language's folder: the report as one PDF, made by Typst (see src/lib/pdf/). */
export function startPdf(content: ReportContent, folder: string): StartedPdf | undefined {
	const report = content.report!.data;
	if (!report.pdf) return undefined;
	const images = pdfImages(content);
	const documents = pdfInputs(content, images.bySrc).map((input, index) => ({
		input,
		folder: join(index ? input.language : '', 'data'),
		name: reportSlug(report),
		cache: { path: cacheFileFor(CACHE_ROOT, `pdf-${input.language}`, content.dir, 'pdf'), code: codeDigest() },
	}));
	rmSync(folder, { recursive: true, force: true });
	const answered = Promise.withResolvers<PdfMade[]>();
	const thread = new Thread<PdfMessage, PdfMade[]>(
		new URL('./pdf-worker.ts', import.meta.url),
		'the PDF',
		answered.resolve,
	);
	thread.post({ folder, asAt: report.asAt, images: images.files, documents });
	const done = Promise.race([answered.promise, thread.failed]);
	done.catch(() => undefined);
	return {
		folder,
		made: async () => {
			try {
				return await thread.during(done);
			} finally {
				await thread.close();
			}
		},
		close: () => thread.close(),
	};
}

/**
 * Starts the search index and the offline edition of a build once: the build script does as soon as the check has
 * passed, so that Pagefind indexes while Astro starts up; the integration takes them over, or starts them itself
 * when Astro runs alone.
 */
export function startBuildSteps(content: ReportContent, indexer?: SearchIndexer): StartedSteps {
	const shared = session();
	if (shared.steps?.content === content) return shared.steps;
	const search = startSearchIndex(content, searchIndexPath(CACHE_ROOT, process.pid), indexer);
	const pdf = startPdf(content, `${searchIndexPath(CACHE_ROOT, process.pid)}-pdf`);
	return (shared.steps = { content, search, pdf, edition: startOfflineEdition(content, search) });
}

/**
 * What a build adds to Astro's pages, from the same content: the images the pages show, the search index, the
 * offline edition (the data page then says how big it is), and last the service worker, whose edition covers
 * every other file.
 */
export async function finishBuild(
	dist: string,
	{ content, search, edition: started, pdf }: StartedSteps,
): Promise<void> {
	faultPoint('finish');
	const step = stepTimer();
	const kept = placeKeptPages(dist);
	if (kept) step(`kept ${kept} finding pages`);
	for (const image of publishedImages(content)) write(join(dist, image.output), readFileSync(image.source));
	// The search index (in Pagefind's own process) and the offline edition (in a worker) at the same time: they
	// read the same pages and records and write different files; the edition leaves the index out.
	const index = search.indexer.written().then(() => {
		for (const { folder, prefix } of search.indexes) {
			checkPagefindIndex(folder);
			move(folder, join(dist, prefix, 'pagefind'));
		}
		step('search index');
	});
	// Awaited below, after the PDF: its failure then is not a failure nobody handles.
	index.catch(() => undefined);
	// The PDFs go into the site before the edition reads it: it carries them.
	if (pdf) {
		const made = await pdf.made();
		placePdfs(dist, content, pdf.folder, made);
		step(made.every((each) => each.kept) ? 'PDF (kept from the last build)' : 'PDF');
	}
	const zipped = started.write(dist);
	// Awaited below, after the search index: its failure then is not a failure nobody handles.
	zipped.catch(() => undefined);
	// While the edition is written (in its worker, into data/), the service worker's list reads the other files.
	const precache = new PrecacheList(dist);
	const inData = (file: string) => file.startsWith('data/');
	await index;
	precache.read((file) => !inData(file));
	const offline = await zipped;
	// Each language's data page says the one edition's size, in its words.
	for (const [index, language] of content.languages.entries()) {
		const each = wordsOf(content, language);
		const dataPage = join(dist, index ? language : '', 'data', 'index.html');
		const size = `<span data-offline-size>${escapeHtml(each.t('data.offlineSize', { size: formatBytes(offline.bytes, each) }))}</span>`;
		writeFileSync(dataPage, readFileSync(dataPage, 'utf8').replace('<span data-offline-size></span>', size));
	}
	step(`offline edition (${offline.path}, ${formatBytes(offline.bytes, wordsOf())})`);
	precache.read(inData);
	const { urls, edition } = precache.list(content.base);
	writeFileSync(join(dist, 'sw.js'), serviceWorkerSource(urls, edition));
}

/**
 * Moves each language's PDF into its data folder, and says its size and pages where the overview and the data
 * page link it, in that language's words.
 */
function placePdfs(dist: string, content: ReportContent, folder: string, made: readonly PdfMade[]): void {
	for (const { language, volume, file, bytes, pages, missing } of made) {
		if (missing.length)
			console.log(
				`The PDF ${file} has text its fonts lack (${missing.join(' ').slice(0, 80)}), so it is tagged but not PDF/UA-1; those characters show as boxes.`,
			);
		move(join(folder, file), join(dist, file));
		const words = wordsOf(content, language);
		const said = escapeHtml(words.t('pdf.size', { pages, size: formatBytes(bytes, words) }));
		const slot = `<span data-pdf-size="${volume.number}"></span>`;
		for (const page of ['index.html', join('data', 'index.html')]) {
			const path = join(dist, language === content.languages[0] ? '' : language, page);
			writeFileSync(path, readFileSync(path, 'utf8').replace(slot, slot.replace('></span>', `>${said}</span>`)));
		}
	}
}
