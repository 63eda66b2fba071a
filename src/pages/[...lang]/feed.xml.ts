import { languagePaths } from '../../data/language.ts';
import type { APIRoute } from 'astro';
import { getEditions } from '../../data/editions.ts';
import { getReport, url } from '../../data/report.ts';
import { getStrings } from '../../data/strings.ts';
import { compareEditions } from '../../lib/editions/compare.ts';
import { atomFeed } from '../../lib/editions/feed.ts';
import { reportSlug } from '../../lib/slug.ts';

/** One in each language of the report. */
export const getStaticPaths = languagePaths;

/** `/feed.xml`: an Atom feed of the report's editions (what each changed) and its corrections. */
export const GET: APIRoute = async ({ site }) => {
	const report = await getReport();
	const { earlier, current, changes } = await getEditions();
	const absolute = (path: string) => (site ? new URL(url(path), site).href : url(path));
	const editions = [...earlier, current].map((edition, index, all) => ({
		asAt: edition.asAt,
		edition: edition.edition,
		changes: edition === current ? changes : index > 0 ? compareEditions(all[index - 1]!, edition) : undefined,
		...(edition === current && { href: absolute(changes ? 'changes/' : '') }),
	}));
	const body = atomFeed({
		title: report.title,
		publisher: report.publisher,
		feedHref: absolute('feed.xml'),
		siteHref: absolute(''),
		name: reportSlug(report),
		site: site ? absolute('') : undefined,
		editions,
		words: getStrings(),
		corrections: (report.corrections ?? []).map((correction) => ({
			...correction,
			findings: correction.findings.map((id) => ({ id, href: absolute(`findings/${id}/`) })),
		})),
	});
	return new Response(body, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
};
