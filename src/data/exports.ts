import { getStrings } from './strings.ts';
import { formatDate } from '../lib/format.ts';
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
	const { t, language } = getStrings();
	return {
		'findings.csv': {
			text: findingsCsv(data),
			type: 'text/csv; charset=utf-8',
			label: t('data.findingsCsv'),
		},
		'findings.json': {
			text: JSON.stringify(findingsJson(data), null, '\t'),
			type: 'application/json',
			label: t('data.findingsJson'),
		},
		'findings.schema.json': {
			text: JSON.stringify(findingsJsonSchema(), null, '\t'),
			type: 'application/schema+json',
			label: t('data.findingsSchema'),
		},
		'recommendations.csv': {
			text: recommendationsCsv(data),
			type: 'text/csv; charset=utf-8',
			label: t('data.recommendationsCsv'),
		},
		...(changes && {
			'changes.csv': {
				text: changesCsv(changes),
				type: 'text/csv; charset=utf-8',
				label: t('data.changesCsv', { date: formatDate(changes.since.asAt, language) }),
			},
		}),
		'edition.schema.json': {
			text: JSON.stringify(snapshotJsonSchema(), null, '\t'),
			type: 'application/schema+json',
			label: t('data.snapshotSchema'),
		},
	};
}
