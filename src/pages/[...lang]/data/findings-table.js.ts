import { languagePaths } from '../../../data/language.ts';
import type { APIRoute } from 'astro';
import { tableRows } from '../../../data/table.ts';
import { getReport } from '../../../data/report.ts';
import { packRow } from '../../../lib/table/state.ts';

/** One in each language of the report. */
export const getStaticPaths = languagePaths;

/**
 * The findings table's rows for the browser. A classic script rather than JSON, so that it also loads from
 * a copy opened from disk (file://), where fetch() is refused.
 */
export const GET: APIRoute = async () => {
	const metrics = Object.keys((await getReport()).metrics);
	const rows = (await tableRows()).map(packRow);
	return new Response(`self.findingsTable=${JSON.stringify({ metrics, rows })};\n`, {
		headers: { 'content-type': 'text/javascript' },
	});
};
