import type { ChartData } from '../charts/charts.ts';
import { formatDate, formatNumber, daysBetween } from '../format.ts';
import type { Messages, Translate } from '../i18n/messages.ts';
import { translator } from '../i18n/translate.ts';
import { around } from '../i18n/around.ts';
import { byRecipient, RECOMMENDATION_LABELS, recommendationRows } from '../recommendations.ts';
import type { Finding } from '../../schemas/finding.ts';
import type { Page } from '../../schemas/page.ts';
import type { Report } from '../../schemas/report.ts';
import type { Theme } from '../../schemas/theme.ts';
import type { ChangesView } from '../editions/view.ts';
import { bodyToTypst } from './body.ts';
import { FINDINGS_PER_VOLUME, type Volume } from './volumes.ts';
import { chartFigure } from './chart.ts';
import { block, call, str, text } from './typst.ts';

/** Everything the PDF of one language is made from: plain data, so that a worker can make it. */
export interface PdfInput {
	language: string;
	messages: Messages;
	report: Report;
	themes: { id: string; data: Theme; html: string }[];
	/** Published findings only, in the site's order. */
	findings: { id: string; data: Finding; html: string }[];
	pages: { id: string; data: Page; html: string }[];
	charts: { overview: ChartData[]; themes: Record<string, ChartData[]> };
	/** The address of the language's root on the web, when report.yaml has `site`: findings link to their page. */
	site?: string | undefined;
	/** The file Typst reads for each image the site shows, by its address on the site. */
	images: Record<string, string>;
	/** What changed since the earlier edition, when there is one: its sentence and its tables, as on /changes/. */
	changes?: { summary: string; view: ChangesView } | undefined;
}

const SLOT = ['\uE000', '\uE001'] as const;

/** A message around values Typst writes itself (a page number): its words as text, the values as code. */
function withCode(t: Translate, key: 'pdf.pageOf', code: Record<'page' | 'pages', string>): string {
	const words = t(key, { page: SLOT[0], pages: SLOT[1] });
	return words
		.split(/([\uE000\uE001])/)
		.map((part) => (part === SLOT[0] ? `#${code.page};` : part === SLOT[1] ? `#${code.pages};` : text(part)))
		.join('');
}

function preamble(input: PdfInput, t: Translate, volume: Volume): string {
	const { report, language } = input;
	const title =
		volume.count > 1
			? `${report.title} (${t('pdf.volume', { number: volume.number, count: volume.count })})`
			: report.title;
	const [year, month, day] = report.asAt.split('-').map(Number);
	const locale = new Intl.Locale(language);
	return [
		`#set document(title: ${str(title)}, author: (${str(report.publisher)},), date: datetime(year: ${year}, month: ${month}, day: ${day}))`,
		`#set text(font: ("Noto Sans", "Noto Sans Arabic"), size: 10pt, lang: ${str(locale.language)}${locale.region ? `, region: ${str(locale.region)}` : ''})`,
		'#set par(leading: 0.7em, spacing: 1.1em)',
		'#set table(stroke: 0.5pt + luma(170), inset: 5pt)',
		'#set table.cell(breakable: false)',
		'#show link: underline',
		'#show figure.caption: set align(start)',
		'#show heading.where(level: 2): it => { v(0.8em); it }',
		// A part of the report starts a page; the running header names it.
		'#show heading.where(level: 1): it => { pagebreak(weak: true); it }',
		`#set page(paper: "a4", margin: (x: 2.2cm, top: 2.6cm, bottom: 2.4cm), header: context {
	if counter(page).get().first() > 1 {
		let parts = query(heading.where(level: 1).before(here()))
		set text(size: 8pt, fill: luma(90))
		grid(columns: (1fr, auto), column-gutter: 1em, ${str(report.title)}, if parts.len() > 0 { parts.last().body })
	}
}, footer: context {
	set text(size: 8pt, fill: luma(90))
	align(center)[${withCode(t, 'pdf.pageOf', { page: 'counter(page).display()', pages: 'str(counter(page).final().first())' })}]
})`,
	].join('\n');
}

function cover(input: PdfInput, t: Translate, volume: Volume, findings: PdfInput['findings']): string {
	const { report, language } = input;
	const part =
		volume.count > 1
			? `#v(1em)\n${line(t('pdf.volume', { number: volume.number, count: volume.count }), '14pt')}${line(t('pdf.volumeFindings', { first: findings[0]?.id ?? '', last: findings.at(-1)?.id ?? '' }))}`
			: '';
	return [
		'#v(25%)',
		`#text(size: 24pt, weight: "bold")${block(text(report.title))}\n\n`,
		line(report.subtitle, '14pt'),
		part,
		'#v(1em)',
		line(report.publisher),
		line(report.edition),
		line(t('site.asAt', { date: formatDate(report.asAt, language) })),
		report.notice ? `#v(2em)\n#block(stroke: 0.5pt, inset: 8pt)${block(text(report.notice))}\n\n` : '',
		'#pagebreak()',
		`#outline(title: ${block(text(t('pdf.contents')))}, depth: 2)`,
	].join('\n');
}

const line = (value: string | undefined, size = '11pt') =>
	value ? `#text(size: ${size})${block(text(value))}\n\n` : '';

/** A heading, with a label to link to when it has a name: finding and theme ids are valid Typst labels. */
const heading = (level: number, words: string, name?: string) =>
	`${call('heading', { level: String(level) }, text(words))}${name ? ` <${name}>` : ''}\n\n`;

const findingLabel = (id: string) => `finding-${id}`;

/** The headline figures as a table: figure and value, with header cells. */
function figures(input: PdfInput, t: Translate): string {
	const entries = Object.values(input.report.figures);
	if (!entries.length) return '';
	const rows = entries.flatMap((figure) => [
		block(text(figure.description ? `${figure.label} (${figure.description})` : figure.label)),
		block(text(formatNumber(figure.value, input.language))),
	]);
	return `${heading(1, t('figures.label'))}#table(columns: (1fr, auto), align: (left, right), table.header(${block(
		text(t('changes.figure')),
	)}, ${block(text(t('pdf.value')))}), ${rows.join(', ')});\n\n`;
}

/** A finding: its facts, its text, its recommendations, the findings related to it, and its address. */
function finding(
	input: PdfInput,
	t: Translate,
	entry: PdfInput['findings'][number],
	titles: Map<string, string>,
	here: Set<string>,
): string {
	const { report, language } = input;
	const { data } = entry;
	const date = (iso: string) => formatDate(iso, language);
	const label = (map: Record<string, { label: string }>, key: string) =>
		Object.hasOwn(map, key) ? map[key]!.label : key;
	const days = daysBetween(data.opened, data.closed ?? report.asAt);
	const facts: [string, string][] = [
		[t('finding.status'), label(report.statuses, data.status)],
		...(data.outcome ? ([[t('finding.outcome'), label(report.outcomes, data.outcome)]] as [string, string][]) : []),
		[t('finding.opened'), date(data.opened)],
		...(data.closed ? ([[t('finding.closed'), date(data.closed)]] as [string, string][]) : []),
		[
			t('finding.duration'),
			data.closed ? t('finding.days', { days }) : t('finding.daysSoFar', { days, date: date(report.asAt) }),
		],
		...(data.themes.length
			? ([
					[
						t('finding.themes'),
						data.themes.map((id) => input.themes.find((theme) => theme.id === id)?.data.title ?? id).join(', '),
					],
				] as [string, string][])
			: []),
		...Object.entries(report.metrics).map(([key, metric]): [string, string] => [
			metric.label,
			Object.hasOwn(data.metrics, key) ? formatNumber(data.metrics[key]!, language) : t('finding.notRecorded'),
		]),
	];
	const list = `#terms(${facts.map(([term, value]) => `terms.item(${block(text(term))}, ${block(text(value))})`).join(', ')});`;
	const parts = [
		// The heading and the facts stay together; the text may run on.
		`#block(breakable: false)[${heading(2, `${entry.id}: ${data.title}`, findingLabel(entry.id))}${text(data.summary)}\n\n${list}]\n\n`,
		bodyToTypst(entry.html, { headingLevel: 2, image: (src) => input.images[src], language }),
	];
	if (data.recommendations.length)
		parts.push(
			heading(3, t('finding.recommendations')),
			`#enum(${data.recommendations
				.map((rec) =>
					block(
						`${text(rec.text)} #text(fill: luma(80))${block(
							text(
								[
									t('recommendation.to', { to: rec.to }),
									t('recommendation.status', { status: t(RECOMMENDATION_LABELS[rec.status]) }),
									...(rec.due ? [t('recommendation.due', { date: date(rec.due) })] : []),
								].join(' '),
							),
						)}`,
					),
				)
				.join(', ')});\n\n`,
		);
	if (data.related.length)
		parts.push(
			heading(3, t('finding.related')),
			`#list(${data.related
				.filter((id) => titles.has(id))
				// A related finding in another volume is named, not linked: a link cannot leave its file.
				.map((id) =>
					block(
						`${here.has(id) ? `#link(<${findingLabel(id)}>)${block(text(id))}` : text(id)}${text(`: ${titles.get(id)}`)}`,
					),
				)
				.join(', ')});\n\n`,
		);
	if (input.site) {
		const address = `${input.site}findings/${encodeURIComponent(entry.id)}/`;
		const { before, after } = around(t, 'pdf.address', 'address');
		parts.push(`${text(before)}#link(${str(address)})${block(text(address))}${text(after)}\n\n`);
	}
	return parts.join('');
}

/** Every recommendation, by recipient: a table each, with the finding it comes from. */
function recommendations(input: PdfInput, t: Translate, here: Set<string>): string {
	const rows = recommendationRows(
		input.findings.map(({ id, data }) => ({ id, title: data.title, recommendations: data.recommendations })),
		input.report.asAt,
	);
	if (!rows.length) return '';
	const groups = byRecipient(rows);
	const head = [
		'recommendations.finding',
		'recommendations.recommendation',
		'recommendations.status',
		'recommendations.due',
	] as const;
	return [
		heading(1, t('recommendations.title')),
		...groups.map(
			(group) =>
				`${heading(2, group.to)}#table(columns: (auto, 1fr, auto, auto), table.header(${head.map((key) => block(text(t(key)))).join(', ')}), ${group.items
					.flatMap((row) => [
						block(
							here.has(row.findingId)
								? `#link(<${findingLabel(row.findingId)}>)${block(text(`${row.findingId} R${row.number}`))}`
								: text(`${row.findingId} R${row.number}`),
						),
						block(text(row.text)),
						block(text(t(RECOMMENDATION_LABELS[row.status]))),
						block(
							text(
								row.due
									? formatDate(row.due, input.language) + (row.overdue ? ` (${t('recommendation.overdue')})` : '')
									: '—',
							),
						),
					])
					.join(', ')});\n\n`,
		),
	].join('');
}

/** What changed since the earlier edition, and the corrections: as the site's /changes/ says them. */
function changes(input: PdfInput, t: Translate): string {
	const corrections = input.report.corrections ?? [];
	if (!input.changes && !corrections.length) return '';
	const date = (iso: string) => formatDate(iso, input.language);
	const parts = [heading(1, t('changes.title'))];
	const cells = (values: string[]) => values.map((value) => block(text(value))).join(', ');
	if (input.changes) {
		const { view, summary } = input.changes;
		const number = (value: number | undefined) => (value === undefined ? '—' : formatNumber(value, input.language));
		parts.push(
			`${text(summary)}\n\n`,
			heading(2, t('changes.figures')),
			`#table(columns: 4, table.header(${cells([t('changes.figure'), date(view.since.asAt), date(input.report.asAt), t('changes.change')])}), ${view.figures
				.map((figure) =>
					cells([
						figure.label,
						number(figure.before),
						number(figure.after),
						figure.change === undefined
							? '—'
							: figure.change === 0
								? t('changes.noChange')
								: new Intl.NumberFormat(input.language, { signDisplay: 'always' }).format(figure.change),
					]),
				)
				.join(', ')});\n\n`,
		);
		for (const [title, rows] of [
			[t('changes.statusTable'), view.status],
			[t('changes.outcomeTable'), view.outcome],
			[t('changes.metricTable'), view.metrics],
			[t('changes.recommendationTable'), view.recommendations],
		] as const)
			if (rows.length)
				parts.push(
					heading(2, title),
					`#table(columns: 4, table.header(${cells([t('changes.finding'), t('changes.what'), date(view.since.asAt), date(input.report.asAt)])}), ${rows
						.map((row) => cells([row.id, row.what, row.before, row.after]))
						.join(', ')});\n\n`,
				);
	}
	if (corrections.length)
		parts.push(
			heading(2, t('changes.corrections')),
			`#list(${corrections.map((correction) => block(text(`${date(correction.date)}: ${correction.text}`))).join(', ')});\n\n`,
		);
	return parts.join('');
}

/**
 * The whole report in one language as Typst source: cover, contents, headline figures, the overview's charts,
 * the chapters, each theme with its narrative and charts, every published finding, and the recommendations by
 * recipient. Every word from the report is a string literal (see typst.ts).
 */
export function reportTypst(input: PdfInput, volume: Volume = { number: 1, count: 1 }): string {
	const t = translator(input.language, input.messages);
	const { language } = input;
	const titles = new Map(input.findings.map((entry) => [entry.id, entry.data.title]));
	const findings = input.findings.slice((volume.number - 1) * FINDINGS_PER_VOLUME, volume.number * FINDINGS_PER_VOLUME);
	const here = new Set(findings.map((entry) => entry.id));
	const front = volume.number === 1;
	const back = volume.number === volume.count;
	const body = (html: string) => bodyToTypst(html, { headingLevel: 1, image: (src) => input.images[src], language });
	const themeBody = (html: string) =>
		bodyToTypst(html, { headingLevel: 2, image: (src) => input.images[src], language });
	return [
		preamble(input, t, volume),
		cover(input, t, volume, findings),
		...(front ? frontMatter(input, t) : []),
		findings.length ? heading(1, t('nav.findings')) : '',
		...findings.map((entry) => finding(input, t, entry, titles, here)),
		back ? recommendations(input, t, here) : '',
		back ? changes(input, t) : '',
	].join('\n\n');
}

/** What the first volume holds before the findings: headline figures, charts, chapters and themes. */
function frontMatter(input: PdfInput, t: Translate): string[] {
	const { language } = input;
	const body = (html: string) => bodyToTypst(html, { headingLevel: 1, image: (src) => input.images[src], language });
	const themeBody = (html: string) =>
		bodyToTypst(html, { headingLevel: 2, image: (src) => input.images[src], language });
	return [
		figures(input, t),
		input.charts.overview.length
			? `${heading(1, t('overview.charts'))}${input.charts.overview.map((chart) => chartFigure(chart, language)).join('')}`
			: '',
		...input.pages.map((page) => `${heading(1, page.data.title, `page-${page.id}`)}${body(page.html)}`),
		input.themes.length ? heading(1, t('nav.themes')) : '',
		...input.themes.map(
			(theme) =>
				`${heading(2, theme.data.title, `theme-${theme.id}`)}${text(theme.data.summary)}\n\n${themeBody(theme.html)}${(input.charts.themes[theme.id] ?? []).map((chart) => chartFigure(chart, language)).join('')}`,
		),
	];
}
