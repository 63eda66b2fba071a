import {
	findingsCsv,
	findingsJson,
	findingsJsonSchema,
	recommendationsCsv,
	type ExportInput,
} from '../lib/exports/exports.ts';
import { changesCsv } from '../lib/editions/changes-csv.ts';
import { snapshotJsonSchema } from '../lib/editions/snapshot.ts';
import { getEditions } from './editions.ts';
import { getFindings, getReport, getThemes, once, url } from './report.ts';

/** The published findings in export form, read once per reading of the report folder. */
function exportInput(): Promise<ExportInput> {
	return once('export input', async () => {
		const report = await getReport();
		const site = report.site;
		return {
			report,
			themes: (await getThemes()).map((theme) => ({
				id: theme.id,
				title: theme.data.title,
				summary: theme.data.summary,
			})),
			findings: await getFindings(),
			findingUrl: (id: string) => (site ? new URL(url(`findings/${id}/`), site).href : url(`findings/${id}/`)),
		};
	});
}

/** The downloads of /data/, each as the text the endpoint serves: made once, though the data page and each file ask. */
export function downloads() {
	return once('downloads', makeDownloads);
}

async function makeDownloads() {
	const data = await exportInput();
	const { changes } = await getEditions();
	return {
		'findings.csv': {
			text: findingsCsv(data),
			type: 'text/csv; charset=utf-8',
			label: 'All findings, one row each (CSV)',
		},
		'findings.json': {
			text: JSON.stringify(findingsJson(data), null, '\t'),
			type: 'application/json',
			label: 'All findings with their recommendations (JSON)',
		},
		'findings.schema.json': {
			text: JSON.stringify(findingsJsonSchema(), null, '\t'),
			type: 'application/schema+json',
			label: 'The JSON Schema of findings.json',
		},
		'recommendations.csv': {
			text: recommendationsCsv(data),
			type: 'text/csv; charset=utf-8',
			label: 'All recommendations, one row each (CSV)',
		},
		...(changes && {
			'changes.csv': {
				text: changesCsv(changes),
				type: 'text/csv; charset=utf-8',
				label: `Every change since the edition of ${changes.since.asAt}, one row each (CSV)`,
			},
		}),
		'edition.schema.json': {
			text: JSON.stringify(snapshotJsonSchema(), null, '\t'),
			type: 'application/schema+json',
			label: 'The JSON Schema of an edition snapshot (editions/<asAt>.json)',
		},
	};
}
