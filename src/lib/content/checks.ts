import { join } from 'node:path';
import { isCalendarDate } from '../../schemas/common.ts';
import type { Finding } from '../../schemas/finding.ts';
import { DUE_YEARS_AFTER_AS_AT, EARLIEST_DATE, LENGTH_LIMITS, tooLong, yearsAfter } from '../../schemas/limits.ts';
import type { Report } from '../../schemas/report.ts';
import { checkExpression, evaluate, parseExpression, type Vocabulary } from '../figures/expression.ts';
import type { Problem } from '../problems.ts';
import { displayPath } from '../display-path.ts';
import { outsideList } from '../edit-distance.ts';
import { countLines } from './frontmatter.ts';
import type { FindingRecord, ReportContent } from './load.ts';
import type { SourceLines } from './source-lines.ts';
import { PLACEHOLDERS } from './templates.ts';

const QUOTED_MAX = 60;

/** A value as quoted in a message: a very long one cut, so that a 5 MB typo does not make a 5 MB message. */
function shown(value: string): string {
	if (value.length <= QUOTED_MAX) return value;
	return `${[...value.slice(0, QUOTED_MAX + 1)].slice(0, QUOTED_MAX).join('')}…`;
}

/** A body over the length limit, reported at its first line; the loader leaves such a file out rather than render it. */
export function bodyLengthProblem(file: string, line: number, body: string): Problem | undefined {
	const long = tooLong(body, LENGTH_LIMITS.body);
	return long === undefined
		? undefined
		: { file, line, field: 'body', message: `${long}, or split it into several files` };
}

function checkUniqueIds(records: readonly FindingRecord[], lines: SourceLines): Problem[] {
	return [...Map.groupBy(records, (record) => record.id).values()]
		.filter((group) => group.length > 1)
		.flatMap((group) =>
			group.map((record) => {
				const others = group.filter((other) => other !== record).map((other) => other.file);
				return lines.at(
					record,
					['id'],
					'id',
					`"${record.id}" is also the id of ${others.join(', ')}; give each finding its own id (set id:, or rename the file)`,
				);
			}),
		);
}

/** Reads a field only when it has the right type: a file with shape problems still gets its references checked. */
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
const texts = (value: unknown) =>
	Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item : undefined)) : [];
const fields = (value: unknown) =>
	value && typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : [];
const isDraft = (record: FindingRecord) => record.raw.draft === true;

function checkReferences(
	record: FindingRecord,
	lines: SourceLines,
	loaded: ReportContent['report'],
	themes: readonly string[],
	byId: ReadonlyMap<string, FindingRecord>,
): Problem[] {
	const problems: Problem[] = [];
	const { raw } = record;
	if (loaded) {
		const { data: report, statusesDeclared } = loaded;
		const status = text(raw.status);
		const outcome = text(raw.outcome);
		const statuses = Object.keys(report.statuses);
		const outcomes = Object.keys(report.outcomes);
		const metrics = Object.keys(report.metrics);
		const statusSource = statusesDeclared
			? 'declared under statuses in report.yaml'
			: 'the default set; declare your own under statuses in report.yaml';
		if (status && !statuses.includes(status))
			problems.push(
				lines.at(
					record,
					['status'],
					'status',
					outsideList(shown(status), 'a status of this report', statuses, statusSource),
				),
			);
		if (outcome && !outcomes.includes(outcome))
			problems.push(
				lines.at(
					record,
					['outcome'],
					'outcome',
					outsideList(shown(outcome), 'an outcome of this report', outcomes, 'declared under outcomes in report.yaml'),
				),
			);
		for (const metric of fields(raw.metrics))
			if (!metrics.includes(metric))
				problems.push(
					lines.at(
						record,
						['metrics', metric],
						`metrics.${metric}`,
						outsideList(shown(metric), 'a metric of this report', metrics, 'declared under metrics in report.yaml'),
					),
				);
	}
	texts(raw.themes).forEach((theme, index) => {
		if (theme !== undefined && !themes.includes(theme))
			problems.push(
				lines.at(
					record,
					['themes', index],
					`themes[${index}]`,
					outsideList(shown(theme), 'a theme', themes, 'one file per theme in themes/'),
				),
			);
	});
	texts(raw.related).forEach((id, index) => {
		if (id === undefined) return;
		const field = `related[${index}]`;
		const target = byId.get(id);
		if (id === record.id)
			problems.push(
				lines.at(record, ['related', index], field, 'a finding cannot be related to itself; remove this id'),
			);
		else if (!target)
			problems.push(
				lines.at(
					record,
					['related', index],
					field,
					`"${shown(id)}" is not the id of any finding; check the spelling (ids are case-sensitive)`,
				),
			);
		else if (!isDraft(record) && isDraft(target))
			problems.push(
				lines.at(
					record,
					['related', index],
					field,
					`"${id}" is a draft and has no page; remove the link or publish that finding`,
				),
			);
	});
	return problems;
}

/** A date the schema accepts (a real one, from 1900): the others are reported there, once. */
const plausibleDate = (value: unknown) =>
	typeof value === 'string' && isCalendarDate(value) && value >= EARLIEST_DATE ? value : undefined;

/**
 * Dates against the report's asAt: a finding cannot open or close after the date its figures are correct at (it
 * would count in no year of the charts yet, or in a year still to come), and a recommendation's deadline may be
 * after it, but not by more than 50 years. A draft is in no figure yet, so it may be dated for a later edition.
 */
function checkDates(record: FindingRecord, lines: SourceLines, asAt: string): Problem[] {
	if (isDraft(record)) return [];
	const problems: Problem[] = [];
	const { raw } = record;
	const opened = plausibleDate(raw.opened);
	const closed = plausibleDate(raw.closed);
	if (opened && opened > asAt)
		problems.push(
			lines.at(
				record,
				['opened'],
				'opened',
				`${opened} is after asAt (${asAt}), the date the report's figures are correct at; a finding cannot open after it: check the date, or move asAt in report.yaml`,
			),
		);
	if (closed && closed > asAt)
		problems.push(
			lines.at(
				record,
				['closed'],
				'closed',
				`${closed} is after asAt (${asAt}), the date the report's figures are correct at; a finding cannot close after it: check the date, or move asAt in report.yaml`,
			),
		);
	const latest = yearsAfter(asAt, DUE_YEARS_AFTER_AS_AT);
	(Array.isArray(raw.recommendations) ? raw.recommendations : []).forEach((recommendation: unknown, index) => {
		const due = plausibleDate(
			recommendation && typeof recommendation === 'object'
				? (recommendation as Record<string, unknown>).due
				: undefined,
		);
		if (due && due > latest)
			problems.push(
				lines.at(
					record,
					['recommendations', index, 'due'],
					`recommendations[${index}].due`,
					`${due} is more than ${DUE_YEARS_AFTER_AS_AT} years after asAt (${asAt}); check the year: a deadline can be at most ${latest}`,
				),
			);
	});
	return problems;
}

/** The findings a correction names must have pages, since /changes/ and the feed link to them. */
function checkCorrections(
	report: NonNullable<ReportContent['report']>,
	lines: SourceLines,
	byId: ReadonlyMap<string, FindingRecord>,
): Problem[] {
	return (report.data.corrections ?? []).flatMap((correction, index) =>
		correction.findings.flatMap((id, position) => {
			const path = ['corrections', index, 'findings', position];
			const field = `corrections[${index}].findings[${position}]`;
			const target = byId.get(id);
			if (!target)
				return [
					lines.at(
						report,
						path,
						field,
						`"${shown(id)}" is not the id of any finding; check the spelling (ids are case-sensitive)`,
					),
				];
			if (isDraft(target))
				return [lines.at(report, path, field, `"${id}" is a draft and has no page; remove it or publish that finding`)];
			return [];
		}),
	);
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
function checkFigures(
	report: NonNullable<ReportContent['report']>,
	lines: SourceLines,
	themes: readonly string[],
	findings: readonly Finding[],
	troubled: readonly string[],
): Problem[] {
	const problems: Problem[] = [];
	const vocabulary = vocabularyOf(report.data, themes);
	// A figure that does not add up while findings have problems most likely follows from them: say which, and
	// do not send the author to change a value that may be right.
	const named = troubled.slice(0, 3).join(', ') + (troubled.length > 3 ? ` and ${troubled.length - 3} more` : '');
	const advice = troubled.length
		? `; ${troubled.length === 1 ? 'a finding file with problems' : `${troubled.length} finding files with problems`} may be why (${named}): fix ${troubled.length === 1 ? 'it' : 'them'} first, and correct this value only if it is still off`
		: '; correct the value, or the findings it counts';
	for (const [name, figure] of Object.entries(report.data.figures)) {
		if (figure.equals === undefined) continue;
		const parsed = parseExpression(figure.equals);
		if (!parsed.ok) continue; // the schema reported it
		const unknown = checkExpression(parsed.expression, vocabulary);
		if (unknown.length) {
			problems.push(
				...unknown.map((message) => lines.at(report, ['figures', name, 'equals'], `figures.${name}.equals`, message)),
			);
			continue;
		}
		const computed = evaluate(parsed.expression, findings);
		if (computed !== figure.value)
			problems.push(
				lines.at(
					report,
					['figures', name, 'value'],
					`figures.${name}.value`,
					`declared ${figure.value}, but ${figure.equals.trim()} gives ${computed} from the published findings${advice}`,
				),
			);
	}
	return problems;
}

export interface Scaffolded {
	entry: { file: string; body: string; bodyLine: number; data: { summary?: string | undefined } };
	summary?: string;
	body: string;
	/** What to do instead, in a few words. */
	fix: string;
}

/** An entry still holding the words a template wrote: its summary, at its line, and its body, at the line there. */
export function templateTextProblems({ entry, summary, body, fix }: Scaffolded, lines: SourceLines): Problem[] {
	const problems: Problem[] = [];
	if (summary && entry.data.summary?.trim() === summary)
		problems.push(lines.at(entry, ['summary'], 'summary', `is still the template's ("${summary}"); ${fix}`));
	const at = entry.body.indexOf(body);
	if (at !== -1)
		problems.push({
			file: entry.file,
			line: entry.bodyLine + countLines(entry.body, at),
			field: 'body',
			message: `still holds the template's text ("${body}"); ${fix}`,
		});
	return problems;
}

/** A published finding, theme or chapter that still holds its template's words: a scaffold published by accident. */
function checkTemplateText(content: ReportContent, lines: SourceLines): Problem[] {
	const draftFix = 'or put draft: true back until it is written';
	const scaffolded: Scaffolded[] = [
		...content.findings
			.filter((finding) => !finding.data.draft)
			.map((entry) => ({
				entry,
				summary: PLACEHOLDERS.findingSummary,
				body: PLACEHOLDERS.findingBody,
				fix: `write the finding's own, ${draftFix}`,
			})),
		...content.themes.map((entry) => ({
			entry,
			summary: PLACEHOLDERS.themeSummary,
			body: PLACEHOLDERS.themeBody,
			fix: "write the theme's own",
		})),
		...content.pages.map((entry) => ({ entry, body: PLACEHOLDERS.pageBody, fix: "write the chapter's own" })),
	];
	return scaffolded.flatMap((each) => templateTextProblems(each, lines));
}

/**
 * The rules that span files: names that must exist, unique ids, dates that the report's asAt bounds, figures that
 * must reconcile. In linear time: each finding's references are looked up in one map of every id.
 */
export function checkContent(content: ReportContent, lines: SourceLines, earlier: readonly Problem[] = []): Problem[] {
	const themes = content.themes.map((theme) => theme.id);
	const report = content.report?.data;
	const records = content.findingRecords;
	const published = content.findings.filter((finding) => !finding.data.draft).map((finding) => finding.data);
	// The first of several with one id: the others are reported as duplicates.
	const byId = new Map<string, FindingRecord>();
	for (const record of records) if (!byId.has(record.id)) byId.set(record.id, record);
	const problems = [
		...checkUniqueIds(records, lines),
		...records.flatMap((record) => checkReferences(record, lines, content.report, themes, byId)),
		...(report ? records.flatMap((record) => checkDates(record, lines, report.asAt)) : []),
		...(content.report ? checkCorrections(content.report, lines, byId) : []),
		...checkTemplateText(content, lines),
	];
	// Finding files with a problem of their own, found on reading them or above; a draft counts in no figure.
	const drafts = new Set(records.filter(isDraft).map((record) => record.file));
	const findingsFolder = `${displayPath(join(content.dir, 'findings'))}/`;
	const troubled = [...new Set([...earlier, ...problems].map((problem) => problem.file))].filter(
		(file) => file.startsWith(findingsFolder) && !drafts.has(file),
	);
	return [...problems, ...(content.report ? checkFigures(content.report, lines, themes, published, troubled) : [])];
}
