import * as pagefind from 'pagefind';
import type { SearchRecord } from './search-records.ts';

/** Pagefind knows languages by their primary subtag: en-GB → en. */
export function pagefindLanguage(language: string): string {
	return language.split('-')[0]!.toLowerCase();
}

function fail(step: string, errors: string[]): never {
	throw new Error(`search index: ${step} failed: ${errors.join('; ')}`);
}

/**
 * Builds a Pagefind index from search records with its Node API, checking every response, and hands back
 * its files (path → bytes) for the caller to write or serve.
 */
export async function pagefindFiles(records: readonly SearchRecord[], language: string): Promise<Map<string, Uint8Array>> {
	const created = await pagefind.createIndex({ forceLanguage: pagefindLanguage(language) });
	if (!created.index) fail('creating the index', created.errors);
	try {
		for (const record of records) {
			const added = await created.index.addCustomRecord({ url: `/${record.url}`, content: record.content, language: pagefindLanguage(language), meta: record.meta, filters: record.filters, sort: record.sort });
			if (added.errors.length) fail(`adding ${record.url}`, added.errors);
		}
		const written = await created.index.getFiles();
		if (written.errors.length) fail('writing the index', written.errors);
		return new Map(written.files.map((file) => [file.path, file.content]));
	} finally {
		await created.index.deleteIndex();
	}
}

/** Ends Pagefind's indexing process, so that a command can exit. */
export function closePagefind(): Promise<unknown> {
	return pagefind.close();
}
