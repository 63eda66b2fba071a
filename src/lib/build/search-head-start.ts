import { readFileSync, statSync } from 'node:fs';
import type { ReportContent } from '../content/load.ts';
import { cacheFileFor, writeCacheFile } from '../plumbing/cache-file.ts';
import { addRecords, createPagefindIndex, indexRecords, type PagefindIndex } from '../search/pagefind-index.ts';
import { sourcedRecords, type SearchRecord } from '../search/records.ts';

/** The last build's search records, each with the size and time of the file it was made from. */
interface Kept {
	language: string;
	records: { path: string; size: number; mtimeMs: number; record: SearchRecord }[];
}

/** The records Pagefind was given before the check, by address, as they were sent. */
export interface HeadStart {
	index: Promise<PagefindIndex>;
	language: string;
	sent: Map<string, string>;
}

const keptFile = (cacheRoot: string, reportDir: string) => cacheFileFor(cacheRoot, 'search', reportDir, 'json');

function sameFile(path: string, size: number, mtimeMs: number): boolean {
	try {
		const stat = statSync(path);
		return stat.size === size && stat.mtimeMs === mtimeMs;
	} catch {
		return false;
	}
}

/**
 * Starts Pagefind on the last build's records of the files unchanged since, before the check reads the folder:
 * in a rebuild, indexing every record is most of what happens after Astro. None when there was no build.
 */
export function startSearchHeadStart(cacheRoot: string, reportDir: string): HeadStart | undefined {
	let kept: Kept;
	try {
		kept = JSON.parse(readFileSync(keptFile(cacheRoot, reportDir), 'utf8')) as Kept;
	} catch {
		return undefined;
	}
	const records = kept.records
		.filter((kept) => sameFile(kept.path, kept.size, kept.mtimeMs))
		.map((kept) => kept.record);
	const index = createPagefindIndex(kept.language).then((index) => addRecords(index, records, kept.language));
	// Awaited when the check has passed; a check that fails first must not also report this promise as unhandled.
	index.catch(() => undefined);
	return {
		index,
		language: kept.language,
		sent: new Map(records.map((record) => [record.url, JSON.stringify(record)])),
	};
}

/**
 * The index of the records, from the head start when every record it was given is one of them, as it is: then only
 * the others are added. Otherwise (a theme renamed, a label changed) the head start is dropped and all are indexed.
 */
export async function finishSearchIndex(
	records: readonly SearchRecord[],
	language: string,
	start: HeadStart | undefined,
): Promise<PagefindIndex> {
	if (!start) return indexRecords(records, language);
	const index = await start.index.catch(() => undefined);
	const byUrl = new Map(records.map((record) => [record.url, record]));
	const holds =
		start.language === language &&
		[...start.sent].every(([url, json]) => {
			const record = byUrl.get(url);
			return record !== undefined && JSON.stringify(record) === json;
		});
	if (index && holds)
		return addRecords(
			index,
			records.filter((record) => !start.sent.has(record.url)),
			language,
		);
	await index?.deleteIndex();
	return indexRecords(records, language);
}

/** Keeps the records a build indexed, for the next build's head start. */
export function keepSearchRecords(cacheRoot: string, content: ReportContent): void {
	const records = sourcedRecords(content).flatMap(({ path, record }) => {
		try {
			const { size, mtimeMs } = statSync(path);
			return [{ path, size, mtimeMs, record }];
		} catch {
			return [];
		}
	});
	const kept: Kept = { language: content.report?.data.language ?? 'en', records };
	try {
		writeCacheFile(keptFile(cacheRoot, content.dir), JSON.stringify(kept));
	} catch {
		// Only the next build's head start is lost, never this build.
	}
}
