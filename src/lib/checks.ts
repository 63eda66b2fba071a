import { KEY_PATTERN } from '../schemas/common.ts';
import { checkExpression, evaluate, parseExpression, type Vocabulary } from './expression.ts';
import type { Content, Entry, Located } from './load.ts';
import type { Problem } from './problems.ts';
import type { Finding } from '../schemas/finding.ts';
import type { Report } from '../schemas/report.ts';

/** Page slugs that would collide with the site's own sections. */
export const RESERVED_SLUGS = ['themes', 'findings', 'search', 'recommendations', 'data', 'pagefind', '_astro', 'index', '404'];

function at(entry: Located, path: readonly PropertyKey[], field: string, message: string): Problem {
	return { file: entry.file, line: entry.lineOf(path), field, message };
}

function checkFileNames(content: Content): Problem[] {
	const problems: Problem[] = [];
	for (const [entries, kind] of [[content.themes, 'theme id'], [content.pages, 'page slug']] as const)
		for (const entry of entries)
			if (!KEY_PATTERN.test(entry.id))
				problems.push(at(entry, [], 'file', `"${entry.id}" is not a valid ${kind}; rename the file using lower-case letters, digits and hyphens, e.g. information-sharing.md`));
	for (const page of content.pages)
		if (RESERVED_SLUGS.includes(page.id))
			problems.push(at(page, [], 'file', `"${page.id}" is a section of the site; rename the page file, e.g. about-${page.id}.md`));
	return problems;
}

function checkUniqueIds(content: Content): Problem[] {
	const byId = Map.groupBy(content.findingIds, (record) => record.id);
	return [...byId.values()]
		.filter((records) => records.length > 1)
		.flatMap((records) =>
			records.map((record) => {
				const others = records.filter((other) => other !== record).map((other) => other.file);
				return at(record, ['id'], 'id', `"${record.id}" is also the id of ${others.join(', ')}; give each finding its own id (set id:, or rename the file)`);
			}),
		);
}

function listOf(keys: readonly string[]): string {
	return keys.length ? keys.join(', ') : '(none declared)';
}

function checkFinding(finding: Entry<Finding>, report: Report | undefined, themes: readonly string[], content: Content): Problem[] {
	const problems: Problem[] = [];
	const { data } = finding;
	if (report) {
		const statuses = Object.keys(report.statuses);
		const outcomes = Object.keys(report.outcomes);
		const metrics = Object.keys(report.metrics);
		if (!statuses.includes(data.status))
			problems.push(at(finding, ['status'], 'status', `"${data.status}" is not a status of this report; use one of: ${listOf(statuses)}`));
		if (data.outcome !== undefined && !outcomes.includes(data.outcome))
			problems.push(at(finding, ['outcome'], 'outcome', `"${data.outcome}" is not an outcome of this report; use one of: ${listOf(outcomes)} (declared under outcomes in report.yaml)`));
		for (const metric of Object.keys(data.metrics))
			if (!metrics.includes(metric))
				problems.push(at(finding, ['metrics', metric], `metrics.${metric}`, `"${metric}" is not a metric of this report; use one of: ${listOf(metrics)} (declared under metrics in report.yaml)`));
	}
	data.themes.forEach((theme, index) => {
		if (!themes.includes(theme))
			problems.push(at(finding, ['themes', index], `themes[${index}]`, `"${theme}" is not a theme; use one of: ${listOf(themes)} (one file per theme in themes/)`));
	});
	const byId = new Map(content.findings.map((other) => [other.id, other]));
	const known = new Set(content.findingIds.map((record) => record.id));
	data.related.forEach((id, index) => {
		const field = `related[${index}]`;
		if (id === finding.id) problems.push(at(finding, ['related', index], field, 'a finding cannot be related to itself; remove this id'));
		else if (!known.has(id)) problems.push(at(finding, ['related', index], field, `"${id}" is not the id of any finding; check the spelling (ids are case-sensitive)`));
		else if (!data.draft && byId.get(id)?.data.draft)
			problems.push(at(finding, ['related', index], field, `"${id}" is a draft and has no page; remove the link or publish that finding`));
	});
	return problems;
}

function vocabularyOf(report: Report, themes: readonly string[]): Vocabulary {
	return {
		metrics: Object.keys(report.metrics),
		statuses: Object.keys(report.statuses),
		outcomes: Object.keys(report.outcomes),
		themes,
	};
}

/** Every figure with `equals` must match what its expression computes from the published findings. */
function checkFigures(report: NonNullable<Content['report']>, themes: readonly string[], findings: readonly Finding[]): Problem[] {
	const problems: Problem[] = [];
	const vocabulary = vocabularyOf(report.data, themes);
	for (const [name, figure] of Object.entries(report.data.figures)) {
		if (figure.equals === undefined) continue;
		const parsed = parseExpression(figure.equals);
		if (!parsed.ok) continue; // the schema reported it
		const path = ['figures', name, 'equals'];
		const unknown = checkExpression(parsed.expression, vocabulary);
		if (unknown.length) {
			problems.push(...unknown.map((message) => at(report, path, `figures.${name}.equals`, message)));
			continue;
		}
		const computed = evaluate(parsed.expression, findings);
		if (computed !== figure.value)
			problems.push(at(report, ['figures', name, 'value'], `figures.${name}.value`, `declared ${figure.value}, but ${figure.equals.trim()} gives ${computed} from the published findings; correct the value, or the findings it counts`));
	}
	return problems;
}

/** The rules that span files: names that must exist, unique ids, figures that must reconcile. */
export function checkContent(content: Content): Problem[] {
	const themes = content.themes.map((theme) => theme.id);
	const report = content.report?.data;
	const published = content.findings.filter((finding) => !finding.data.draft).map((finding) => finding.data);
	return [
		...content.problems,
		...checkFileNames(content),
		...checkUniqueIds(content),
		...content.findings.flatMap((finding) => checkFinding(finding, report, themes, content)),
		...(content.report ? checkFigures(content.report, themes, published) : []),
	];
}
