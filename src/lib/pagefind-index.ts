import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-records.ts';

/** Pagefind knows languages by their primary subtag: en-GB → en. */
export function pagefindLanguage(language: string): string {
	return language.split('-')[0]!.toLowerCase();
}

function fail(step: string, errors: string[]): never {
	throw new Error(`search index: ${step} failed: ${errors.join('; ')}`);
}

type PagefindIndex = NonNullable<Awaited<ReturnType<typeof pagefind.createIndex>>['index']>;

/** A Pagefind index of the records, with its Node API, checking every response; `use` takes the finished index. */
async function withIndex<T>(records: readonly SearchRecord[], language: string, use: (index: PagefindIndex) => Promise<T>): Promise<T> {
	const created = await pagefind.createIndex({ forceLanguage: pagefindLanguage(language) });
	if (!created.index) fail('creating the index', created.errors);
	try {
		// All sent at once: Pagefind's indexing process takes them in order, and waiting for each answer in turn
		// spent most of the time on the round trips.
		const added = await Promise.all(
			records.map((record) =>
				created.index!.addCustomRecord({ url: `/${record.url}`, content: record.content, language: pagefindLanguage(language), meta: record.meta, filters: record.filters, sort: record.sort }),
			),
		);
		added.forEach((response, index) => {
			if (response.errors.length) fail(`adding ${records[index]!.url}`, response.errors);
		});
		return await use(created.index);
	} finally {
		await created.index.deleteIndex();
	}
}

/** The index's files (path → bytes), for the dev server to serve from memory. */
export function pagefindFiles(records: readonly SearchRecord[], language: string): Promise<Map<string, Uint8Array>> {
	return withIndex(records, language, async (index) => {
		const written = await index.getFiles();
		if (written.errors.length) fail('writing the index', written.errors);
		return new Map(written.files.map((file) => [file.path, file.content]));
	});
}

/** Writes the index into a folder: Pagefind writes its thousands of files faster than we could. */
export function writePagefindIndex(records: readonly SearchRecord[], language: string, outputPath: string): Promise<void> {
	return withIndex(records, language, async (index) => {
		const written = await index.writeFiles({ outputPath });
		if (written.errors.length) fail('writing the index', written.errors);
	});
}

/** Ends Pagefind's indexing process, so that a command can exit. */
export function closePagefind(): Promise<unknown> {
	return pagefind.close();
}
