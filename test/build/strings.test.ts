import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../support/run.ts';
import { MESSAGE_KEYS } from '../../src/lib/i18n/catalogues.ts';
import { writeTree } from '../support/tree.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-strings-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const REPORT = (language: string) =>
	`title: R\npublisher: P\nasAt: 2024-12-31\nlanguage: ${language}\nmetrics:\n  contracts: { label: Contracts }\noutcomes:\n  satisfactory: { label: Satisfactory }\n`;
const report = (name: string, language: string, files: Record<string, string> = {}) =>
	writeTree(join(work, name), { 'report.yaml': REPORT(language), ...files });
const problems = (dir: string) =>
	run('check', {}, [dir])
		.stderr.split('\n')
		.filter((line) => line.startsWith(dir));

describe('a report’s own interface strings', () => {
	it('are needed, every one, in a language the project has none for, and the check says how to start them', () => {
		const dir = report('portuguese', 'pt-BR');
		expect(problems(dir)).toEqual([
			`${dir}/report.yaml:4: language: the project has no interface strings for pt-BR (Brazilian Portuguese); write them in ${dir}/i18n/pt-BR.yaml: \`npm run new -- strings pt-BR --report ${dir}\` makes it, with the English of each to translate`,
		]);
		const made = run('new', {}, ['strings', 'pt-BR', '--report', dir]);
		expect(made.status).toBe(0);
		const file = join(dir, 'i18n', 'pt-BR.yaml');
		expect(readFileSync(file, 'utf8')).toContain('# Skip to content\nsite.skip: ""\n');
		// Never over a file that is there.
		writeFileSync(file, 'site.skip: "Pular para o conteúdo"\n');
		expect(run('new', {}, ['strings', 'pt-BR', '--report', dir]).status).toBe(1);
		expect(readFileSync(file, 'utf8')).toBe('site.skip: "Pular para o conteúdo"\n');
		expect(problems(dir)[0]).toMatch(
			new RegExp(
				`^${file}:1: strings: ${MESSAGE_KEYS.length - 1} of the ${MESSAGE_KEYS.length} interface strings for pt-BR \\(Brazilian Portuguese\\) are not written yet: language.name, site.quickSearch, `,
			),
		);
	});

	it('override the shipped ones, each checked against the English it replaces, at its line', () => {
		const dir = report('welsh', 'cy', {
			'i18n/cy.yaml': [
				'nav.findings: "Y canfyddiadau"',
				'nav.dat: "Data"',
				'themes.count: "{count, plural, one {# canfyddiad} other {# canfyddiad}}"',
				'site.feedTitle: "{teitl}: argraffiadau"',
				'site.skip: "{unclosed"',
			].join('\n'),
		});
		expect(problems(dir)).toEqual([
			`${dir}/i18n/cy.yaml:2: nav.dat: is not an interface string; did you mean nav.data?`,
			`${dir}/i18n/cy.yaml:3: themes.count: {count, plural} needs every form cy has (zero, one, two, few, many, other); add zero, two, few, many`,
			`${dir}/i18n/cy.yaml:4: site.feedTitle: uses {teitl}, which this string does not have; it has {title}`,
			`${dir}/i18n/cy.yaml:4: site.feedTitle: leaves out {title}; the English says "{title}: editions and corrections"`,
			expect.stringMatching(new RegExp(`^${dir}/i18n/cy.yaml:5: site.skip: is not a valid ICU message \\(`)),
		]);
	});

	it('reach the built pages', () => {
		const dir = report('welsh-built', 'cy', { 'i18n/cy.yaml': 'nav.findings: "Y canfyddiadau i gyd"\n' });
		const out = join(work, 'welsh-built-site');
		expect(run('build', { REPORT_OUT: out }, [dir]).status).toBe(0);
		const page = readFileSync(join(out, 'index.html'), 'utf8');
		expect(page).toContain('<html lang="cy" dir="ltr">');
		expect(page).toContain('>Y canfyddiadau i gyd</a>');
		expect(existsSync(join(out, 'findings', 'index.html'))).toBe(true);
	});
});
