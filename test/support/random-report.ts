import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Report folders of random shape, written by a generator of the tests' own (not `npm run generate`), for the
 * generative tests and for trying the project on shapes its own generator never makes: flat or nested findings,
 * ids unlike file names, directives in every kind of file, drafts, related findings, recommendations, tables and
 * footnotes, text in other scripts, and defects injected where the check must name them.
 */
export interface ReportShape {
	/** Seeds every choice the shape leaves open: the same shape and seed give the same folder. */
	seed: number;
	findings: number;
	themes: number;
	chapters: number;
	/** Findings in year folders, or all in `findings/`. */
	nested: boolean;
	/** The share of findings whose `id:` differs from their file's name. */
	ownIds: number;
	/** The share of bodies (of every kind) holding a directive. */
	directives: number;
	/** The share of findings that are drafts. */
	drafts: number;
	/** Paragraphs of a finding's body, at most. */
	paragraphs: number;
	script: Script;
	defects: readonly DefectKind[];
}

export const SCRIPTS = ['latin', 'welsh', 'greek', 'cyrillic', 'arabic', 'cjk'] as const;
export type Script = (typeof SCRIPTS)[number];

const WORDS: Record<Script, string[]> = {
	latin: 'review record referral delay council archive notice board audit contract budget policy staff'.split(' '),
	welsh: 'adolygiad cofnod oedi cyngor archif bwrdd archwiliad contract cyllideb polisi staff ŵyr ŷd'.split(' '),
	greek: 'έλεγχος αρχείο καθυστέρηση συμβούλιο σύμβαση προϋπολογισμός πολιτική προσωπικό'.split(' '),
	cyrillic: 'проверка запись задержка совет архив договор бюджет политика персонал'.split(' '),
	arabic: 'مراجعة سجل تأخير مجلس أرشيف عقد ميزانية سياسة موظفين'.split(' '),
	cjk: '审查 记录 延迟 理事会 档案 合同 预算 政策 工作人员'.split(' '),
};

/** The defects a folder can be given, each at a place the check must name. */
export const DEFECT_KINDS = [
	'unknown-status',
	'unknown-theme',
	'unknown-figure',
	'unknown-field',
	'impossible-date',
	'missing-related',
	'duplicate-id',
	'unknown-chart-field',
] as const;
export type DefectKind = (typeof DEFECT_KINDS)[number];

/** Where the check must report an injected defect: the file as the check names it (relative to the folder). */
export interface ExpectedProblem {
	kind: DefectKind;
	file: string;
	line: number;
	field: string;
}

export interface WrittenReport {
	/** The published findings' ids. */
	published: string[];
	expected: ExpectedProblem[];
}

/** A small seeded generator (mulberry32): the same seed gives the same numbers everywhere. */
export function seeded(seed: number) {
	let state = seed >>> 0;
	const next = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const int = (below: number) => Math.floor(next() * below);
	const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
	return { next, int, pick, chance: (share: number) => next() < share };
}

const STATUSES = ['open', 'completed', 'discontinued'] as const;
const OUTCOMES = ['upheld', 'not-upheld'];

interface Finding {
	id: string;
	path: string;
	frontmatter: string[];
	body: string[];
	draft: boolean;
	status: string;
	themes: string[];
	cases: number;
}

/** Writes a report folder of the given shape into `dir` (which must be empty or missing). */
export function writeRandomReport(dir: string, shape: ReportShape): WrittenReport {
	mkdirSync(dir, { recursive: true });
	const random = seeded(shape.seed);
	const words = (n: number) => Array.from({ length: n }, () => random.pick(WORDS[shape.script])).join(' ');
	const sentence = () => `${words(6 + random.int(10))}.`;
	const themeIds = Array.from({ length: shape.themes }, (_, index) => `theme-${index + 1}`);
	const directive = () =>
		random.pick([
			'There are :figure[findings] findings.',
			`Of them :count{status=completed} are completed.`,
			'In all, :sum{metric=cases} cases.',
			'::chart{by=status}',
			...(themeIds.length ? [`::chart{by=theme metric=cases}`, `:count{theme=${random.pick(themeIds)}}`] : []),
		]);
	const paragraph = () =>
		random.pick([
			() => `${sentence()} ${sentence()}`,
			() => `- ${words(3)}\n- ${words(4)}\n- ${words(2)}`,
			() => `| ${words(1)} | ${words(1)} |\n| --- | ---: |\n| ${words(2)} | ${random.int(1000)} |`,
			() => `${sentence()}[^note]\n\n[^note]: ${sentence()}`,
			() => `## ${words(3)}\n\n${sentence()}`,
			() => `> ${sentence()}`,
		])();
	const body = (paragraphs: number) => {
		const parts = Array.from({ length: paragraphs }, paragraph);
		if (random.chance(shape.directives)) parts.splice(random.int(parts.length + 1), 0, directive());
		return parts;
	};
	const file = (path: string, frontmatter: string[], lines: string[]) => {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), `---\n${frontmatter.join('\n')}\n---\n${lines.join('\n\n')}\n`);
	};
	const quoted = (text: string) => JSON.stringify(text);

	for (const [index, id] of themeIds.entries())
		file(
			`themes/${id}.md`,
			[`title: ${quoted(`${words(3)} ${index + 1}`)}`, `summary: ${quoted(sentence())}`],
			body(2),
		);
	for (let index = 0; index < shape.chapters; index++)
		file(`pages/chapter-${index + 1}.md`, [`title: ${quoted(words(3))}`, `order: ${index + 1}`], body(3));

	const findings: Finding[] = [];
	for (let index = 0; index < shape.findings; index++) {
		const stem = `case-${String(index + 1).padStart(5, '0')}`;
		const id = random.chance(shape.ownIds) ? `R${index + 1}.${random.int(90) + 10}` : stem;
		const year = 2010 + random.int(10);
		const folder = shape.nested ? `findings/${year}/` : 'findings/';
		const status = random.pick(STATUSES);
		const themes = themeIds.filter(() => random.chance(0.3));
		const cases = random.int(50);
		const draft = random.chance(shape.drafts);
		const opened = `${year}-0${1 + random.int(9)}-1${random.int(9)}`;
		const frontmatter = [
			...(id === stem ? [] : [`id: ${id}`]),
			`title: ${quoted(`${words(4)} ${index + 1}`)}`,
			`summary: ${quoted(sentence())}`,
			`status: ${status}`,
			...(status === 'completed' ? [`outcome: ${random.pick(OUTCOMES)}`, `closed: ${year + 1}-06-30`] : []),
			`opened: ${opened}`,
			`themes: [${themes.join(', ')}]`,
			`metrics: { cases: ${cases} }`,
			...(draft ? ['draft: true'] : []),
		];
		if (random.chance(0.2))
			frontmatter.push(
				'recommendations:',
				`  - text: ${quoted(sentence())}`,
				`    to: ${quoted(words(2))}`,
				`    due: ${year + 3}-03-31`,
			);
		findings.push({
			id,
			path: `${folder}${stem}.md`,
			frontmatter,
			body: body(1 + random.int(shape.paragraphs)),
			draft,
			status,
			themes,
			cases,
		});
	}
	// Related findings point back at published ones that are already there.
	const published = findings.filter((finding) => !finding.draft);
	for (const finding of published.slice(1))
		if (random.chance(0.1))
			finding.frontmatter.push(`related: [${published[random.int(published.indexOf(finding))]!.id}]`);

	const expected = injectDefects(shape, findings, random);
	for (const finding of findings) file(finding.path, finding.frontmatter, finding.body);
	const counted = findings.filter((finding) => !finding.draft);
	writeFileSync(
		join(dir, 'report.yaml'),
		[
			`title: ${quoted(`${words(4)} (random report ${shape.seed})`)}`,
			`publisher: ${quoted(words(2))}`,
			'asAt: 2024-12-31',
			'metrics:',
			'  cases: { label: Cases }',
			'outcomes:',
			...OUTCOMES.map((outcome) => `  ${outcome}: { label: ${quoted(words(2))} }`),
			'figures:',
			`  findings: { label: Findings, value: ${counted.length}, equals: count }`,
			`  cases: { label: Cases, value: ${counted.reduce((sum, finding) => sum + finding.cases, 0)}, equals: sum(cases) }`,
			'',
		].join('\n'),
	);
	return { published: counted.map((finding) => finding.id), expected };
}

/** Puts each defect into a different published finding, and says where the check must report it. */
function injectDefects(shape: ReportShape, findings: Finding[], random: ReturnType<typeof seeded>): ExpectedProblem[] {
	const candidates = findings.filter((finding) => !finding.draft);
	const expected: ExpectedProblem[] = [];
	// The line of the frontmatter's entry i is i + 2 (after the opening ---); a body's paragraph follows it.
	const lineOfField = (finding: Finding, key: string) =>
		finding.frontmatter.findIndex((line) => line.startsWith(`${key}:`)) + 2;
	const bodyStart = (finding: Finding) => finding.frontmatter.length + 3;
	for (const [index, kind] of shape.defects.entries()) {
		const finding = candidates[index];
		const other = candidates[index + shape.defects.length] ?? candidates.find((candidate) => candidate !== finding);
		if (!finding) break;
		const at = (line: number, field: string, file = finding.path) => expected.push({ kind, file, line, field });
		/** Writes another value on a field's line, where the check must report it. */
		const rewrite = (key: string, value: string) => {
			const line = lineOfField(finding, key);
			finding.frontmatter[line - 2] = `${key}: ${value}`;
			at(line, key);
		};
		switch (kind) {
			case 'unknown-status':
				rewrite('status', 'complted');
				break;
			case 'unknown-theme':
				finding.frontmatter.push('themes: [no-such-theme]');
				finding.frontmatter.splice(lineOfField(finding, 'themes') - 2, 1);
				at(lineOfField(finding, 'themes'), 'themes[0]');
				break;
			case 'unknown-field':
				finding.frontmatter.push('colour: red');
				at(finding.frontmatter.length + 1, 'colour');
				break;
			case 'impossible-date':
				rewrite('opened', '2017-02-30');
				break;
			case 'missing-related':
				finding.frontmatter = finding.frontmatter.filter((line) => !line.startsWith('related:'));
				finding.frontmatter.push('related: [NO-SUCH-ID]');
				at(lineOfField(finding, 'related'), 'related[0]');
				break;
			case 'duplicate-id':
				if (!other) break;
				finding.frontmatter = finding.frontmatter.filter((line) => !line.startsWith('id:'));
				finding.frontmatter.unshift(`id: ${other.id}`);
				at(2, 'id');
				break;
			case 'unknown-figure':
				finding.body.unshift('Stated as :figure[no-such-figure] in all.');
				at(bodyStart(finding), 'body');
				break;
			case 'unknown-chart-field':
				finding.body.unshift('::chart{by=colour}');
				at(bodyStart(finding), 'body');
				break;
		}
	}
	return expected;
}
