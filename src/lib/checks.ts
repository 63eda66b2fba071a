import { KEY_PATTERN } from '../schemas/common.ts';
import type { Finding } from '../schemas/finding.ts';
import type { Report } from '../schemas/report.ts';
import { directiveContext } from './directive-context.ts';
import { checkExpression, evaluate, parseExpression, type Vocabulary } from './expression.ts';
import { directiveProblems } from './markdown-directives.ts';
import type { Content, FindingRecord, Located } from './load.ts';
import type { Problem } from './problems.ts';

/** Page slugs that would collide with the site's own sections. */
export const RESERVED_SLUGS = ['themes', 'findings', 'search', 'recommendations', 'data', 'pagefind', '_astro', 'index', '404'];

function at(entry: Located, path: readonly PropertyKey[], field: string, message: string): Problem {
	return { file: entry.file, line: entry.lineOf(path), field, message };
}

function listOf(keys: readonly string[]): string {
	return keys.length ? keys.join(', ') : '(none declared)';
}

function checkFileNames(content: Content): Problem[] {
	const problems: Problem[] = [];
	const fileProblem = (entry: Located, message: string) => ({ file: entry.file, line: 1, field: 'file', message });
	for (const [entries, kind] of [[content.themes, 'theme id'], [content.pages, 'page slug']] as const)
		for (const entry of entries)
			if (!KEY_PATTERN.test(entry.id))
				problems.push(fileProblem(entry, `"${entry.id}" is not a valid ${kind}; rename the file using lower-case letters, digits and hyphens, e.g. information-sharing.md`));
	for (const page of content.pages)
		if (RESERVED_SLUGS.includes(page.id))
			problems.push(fileProblem(page, `"${page.id}" is a section of the site; rename the page file, e.g. about-${page.id}.md`));
	return problems;
}

function checkUniqueIds(records: readonly FindingRecord[]): Problem[] {
	return [...Map.groupBy(records, (record) => record.id).values()]
		.filter((group) => group.length > 1)
		.flatMap((group) =>
			group.map((record) => {
				const others = group.filter((other) => other !== record).map((other) => other.file);
				return at(record, ['id'], 'id', `"${record.id}" is also the id of ${others.join(', ')}; give each finding its own id (set id:, or rename the file)`);
			}),
		);
}

/** Reads a field only when it has the right type: a file with shape problems still gets its references checked. */
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const texts = (value: unknown) => (Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : undefined)) : []);
const fields = (value: unknown) => (value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : []);
const isDraft = (record: FindingRecord) => record.raw.draft === true;

function checkReferences(record: FindingRecord, report: Report | undefined, themes: readonly string[], records: readonly FindingRecord[]): Problem[] {
	const problems: Problem[] = [];
	const { raw } = record;
	if (report) {
		const status = text(raw.status);
		const outcome = text(raw.outcome);
		const statuses = Object.keys(report.statuses);
		const outcomes = Object.keys(report.outcomes);
		const metrics = Object.keys(report.metrics);
		if (status && !statuses.includes(status))
			problems.push(at(record, ['status'], 'status', `"${status}" is not a status of this report; use one of: ${listOf(statuses)}`));
		if (outcome && !outcomes.includes(outcome))
			problems.push(at(record, ['outcome'], 'outcome', `"${outcome}" is not an outcome of this report; use one of: ${listOf(outcomes)} (declared under outcomes in report.yaml)`));
		for (const metric of fields(raw.metrics))
			if (!metrics.includes(metric))
				problems.push(at(record, ['metrics', metric], `metrics.${metric}`, `"${metric}" is not a metric of this report; use one of: ${listOf(metrics)} (declared under metrics in report.yaml)`));
	}
	texts(raw.themes).forEach((theme, index) => {
		if (theme !== undefined && !themes.includes(theme))
			problems.push(at(record, ['themes', index], `themes[${index}]`, `"${theme}" is not a theme; use one of: ${listOf(themes)} (one file per theme in themes/)`));
	});
	const byId = new Map(records.map((other) => [other.id, other]));
	texts(raw.related).forEach((id, index) => {
		if (id === undefined) return;
		const field = `related[${index}]`;
		const target = byId.get(id);
		if (target === record) problems.push(at(record, ['related', index], field, 'a finding cannot be related to itself; remove this id'));
		else if (!target) problems.push(at(record, ['related', index], field, `"${id}" is not the id of any finding; check the spelling (ids are case-sensitive)`));
		else if (!isDraft(record) && isDraft(target))
			problems.push(at(record, ['related', index], field, `"${id}" is a draft and has no page; remove the link or publish that finding`));
	});
	return problems;
}

function vocabularyOf(report: Report, themes: readonly string[]): Vocabulary {
	return { metrics: Object.keys(report.metrics), statuses: Object.keys(report.statuses), outcomes: Object.keys(report.outcomes), themes };
}

/** Every figure with `equals` must match what its expression computes from the published findings. */
function checkFigures(report: NonNullable<Content['report']>, themes: readonly string[], findings: readonly Finding[], leftOut: number): Problem[] {
	const problems: Problem[] = [];
	const vocabulary = vocabularyOf(report.data, themes);
	const caveat = leftOut ? ` (${leftOut} finding ${leftOut === 1 ? 'file with problems was' : 'files with problems were'} left out; fix those first)` : '';
	for (const [name, figure] of Object.entries(report.data.figures)) {
		if (figure.equals === undefined) continue;
		const parsed = parseExpression(figure.equals);
		if (!parsed.ok) continue; // the schema reported it
		const unknown = checkExpression(parsed.expression, vocabulary);
		if (unknown.length) {
			problems.push(...unknown.map((message) => at(report, ['figures', name, 'equals'], `figures.${name}.equals`, message)));
			continue;
		}
		const computed = evaluate(parsed.expression, findings);
		if (computed !== figure.value)
			problems.push(at(report, ['figures', name, 'value'], `figures.${name}.value`, `declared ${figure.value}, but ${figure.equals.trim()} gives ${computed} from the published findings${caveat}; correct the value, or the findings it counts`));
	}
	return problems;
}

/** Every `:figure`, `:count`, `:sum` and `::chart` in every body must name what the report has. */
function checkDirectives(content: Content): Problem[] {
	const context = directiveContext(content);
	if (!context) return [];
	return [...content.pages, ...content.themes, ...content.findings].flatMap((entry) => directiveProblems(entry.body, entry.bodyLine, entry.file, context));
}

/** The rules that span files: names that must exist, unique ids, figures that must reconcile, directives. */
export function checkContent(content: Content): Problem[] {
	const themes = content.themes.map((theme) => theme.id);
	const report = content.report?.data;
	const records = content.findingRecords;
	const published = content.findings.filter((finding) => !finding.data.draft).map((finding) => finding.data);
	const leftOut = records.filter((record) => !record.valid && !isDraft(record)).length;
	return [
		...content.problems,
		...checkFileNames(content),
		...checkUniqueIds(records),
		...records.flatMap((record) => checkReferences(record, report, themes, records)),
		...(content.report ? checkFigures(content.report, themes, published, leftOut) : []),
		...checkDirectives(content),
	];
}
