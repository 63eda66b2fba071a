import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, run } from '../support/run.ts';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'bilingual-cy-en');
const work = mkdtempSync(join(tmpdir(), 'findings-translations-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the Welsh–English fixture, changed by `change`. */
function copy(name: string, change: (dir: string) => void = () => {}): string {
	const dir = join(work, name);
	cpSync(FIXTURE, dir, { recursive: true });
	change(dir);
	return dir;
}
const problems = (dir: string) =>
	run('check', {}, [dir])
		.stderr.split('\n')
		.filter((line) => line.startsWith(dir))
		.map((line) => line.slice(dir.length + 1));
const edit = (path: string, from: string | RegExp, to: string) =>
	writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));

describe('a bilingual report', () => {
	it('builds each language at its own root, each page linking its counterpart both ways', () => {
		const out = join(work, 'site');
		const result = run('build', { REPORT_OUT: out }, [FIXTURE]);
		expect(result.status, result.stderr).toBe(0);
		const welsh = readFileSync(join(out, 'findings', 'CY-001', 'index.html'), 'utf8');
		const english = readFileSync(join(out, 'en', 'findings', 'CY-001', 'index.html'), 'utf8');
		expect(welsh).toContain('<html lang="cy" dir="ltr">');
		expect(english).toContain('<html lang="en" dir="ltr">');
		expect(english).toContain('<h1>Incomplete assessments in adult services</h1>');
		for (const page of [welsh, english]) {
			expect(page).toContain('<link rel="alternate" hreflang="cy" href="/findings/CY-001/">');
			expect(page).toContain('<link rel="alternate" hreflang="en" href="/en/findings/CY-001/">');
			expect(page).toContain('<link rel="alternate" hreflang="x-default" href="/findings/CY-001/">');
		}
		expect(welsh).toContain('<a href="/en/findings/CY-001/" lang="en" hreflang="en">English</a>');
		expect(english).toContain('<a href="/findings/CY-001/" lang="cy" hreflang="cy">Cymraeg</a>');
		// A chapter has an address in each language.
		const chapter = readFileSync(join(out, 'en', 'methodology', 'index.html'), 'utf8');
		expect(chapter).toContain('<a href="/methodoleg/" lang="cy" hreflang="cy">Cymraeg</a>');
		// Search, data and feed in each language.
		for (const path of ['pagefind/pagefind.js', 'en/pagefind/pagefind.js', 'en/data/findings.csv', 'en/feed.xml'])
			expect(() => readFileSync(join(out, path)), path).not.toThrow();
		expect(readFileSync(join(out, 'en', 'feed.xml'), 'utf8')).toContain('xml:lang="en"');
		// A PDF in each language, in its words.
		const pdfText = (path: string) => execFileSync('pdftotext', [join(out, path), '-'], { encoding: 'utf8' });
		const welshPdf = pdfText('data/adolygiad-o-gofnodion-gofal-cymdeithasol.pdf');
		const englishPdf = pdfText('en/data/adolygiad-o-gofnodion-gofal-cymdeithasol.pdf');
		expect(welshPdf).toContain('Cynnwys');
		expect(welshPdf).toContain('Asesiadau anghyflawn mewn gwasanaethau oedolion');
		expect(englishPdf).toContain('Contents');
		expect(englishPdf).toContain('Incomplete assessments in adult services');
		expect(englishPdf).not.toContain('Asesiadau anghyflawn');
	});

	it('names each translation problem at its file and line, with the fix', () => {
		const dir = copy('broken', (dir) => {
			unlinkSync(join(dir, 'findings', 'CY-002.en.md'));
			unlinkSync(join(dir, 'themes', 'rhannu-gwybodaeth.en.md'));
			writeFileSync(join(dir, 'findings', 'CY-099.en.md'), '---\ntitle: T\nsummary: S\n---\nText.\n');
			edit(join(dir, 'findings', 'CY-003.en.md'), /^---\n/, '---\nstatus: completed\n');
			edit(join(dir, 'findings', 'CY-004.en.md'), /recommendations:\n(.*\n){2}/, '');
			writeFileSync(join(dir, 'findings', 'CY-005.fr.md'), '---\ntitle: T\nsummary: S\n---\nTexte.\n');
			edit(join(dir, 'report.en.yaml'), /\n {2}bylchau:\n.*\n.*\n/, '\n');
		});
		expect(problems(dir)).toEqual([
			'findings/CY-002.md:1: translation: is not yet in English (en): write ' +
				`${dir}/findings/CY-002.en.md beside it, with its title, summary and text in English (en)`,
			'findings/CY-003.en.md:2: status: is the same in every language, so a translation does not hold it: set it in ' +
				`the original, ${dir}/findings/CY-003.md, and remove it here`,
			expect.stringMatching(
				/^findings\/CY-004\.en\.md:\d+: recommendations: has 0 recommendations; .*CY-004\.md has 1: translate each of them, in the same order$/,
			),
			'findings/CY-005.fr.md:1: file: is a translation into fr, which report.yaml does not list: add fr to translations there, or remove this file',
			`findings/CY-099.en.md:1: file: is a translation of ${dir}/findings/CY-099.md, which is not there: rename it after its original, or remove it`,
			expect.stringMatching(
				/^report\.en\.yaml:\d+: metrics: bylchau is not translated: add bylchau: \{ label: … \} with its description$/,
			),
			'themes/rhannu-gwybodaeth.md:1: translation: is not yet in English (en): write ' +
				`${dir}/themes/rhannu-gwybodaeth.en.md beside it, with its title, summary and text in English (en)`,
		]);
	});

	it('refuses a translation into the report’s own language, a label report.yaml does not declare, and chapters at one address', () => {
		const dir = copy('more-broken', (dir) => {
			writeFileSync(join(dir, 'findings', 'CY-007.cy.md'), '---\ntitle: T\nsummary: S\n---\nTestun.\n');
			edit(join(dir, 'report.en.yaml'), /^metrics:\n/m, 'metrics:\n  pages: { label: Pages }\n');
			writeFileSync(join(dir, 'pages', 'atodiad.md'), '---\ntitle: Atodiad\n---\nTestun.\n');
			writeFileSync(join(dir, 'pages', 'atodiad.en.md'), '---\ntitle: Appendix\nslug: methodology\n---\nText.\n');
			writeFileSync(join(dir, 'pages', 'en.md'), '---\ntitle: Saesneg\n---\nTestun.\n');
		});
		const found = problems(dir);
		expect(found).toContainEqual(
			`findings/CY-007.cy.md:1: file: is a translation into cy, the report's own language (language: in report.yaml); write in ${dir}/findings/CY-007.md instead, and remove this file`,
		);
		expect(found).toContainEqual(
			expect.stringMatching(
				/^report\.en\.yaml:\d+: metrics\.pages: is not one of report\.yaml's metrics; translate only those it declares$/,
			),
		);
		expect(found).toContainEqual(
			expect.stringMatching(
				/^pages\/(atodiad|methodoleg)\.en\.md:1: slug: methodology is the address of .* in en too; give this chapter a slug of its own$/,
			),
		);
		expect(found).toContainEqual(
			"pages/en.md:1: file: en is the address of the report in en; rename this chapter's file",
		);
	});

	it('needs report.<tag>.yaml for each language it lists; a draft’s translation waits with it, unpublished', () => {
		const dir = copy('no-report-words', (dir) => {
			unlinkSync(join(dir, 'report.en.yaml'));
			edit(join(dir, 'findings', 'CY-006.md'), /^---\n/, '---\ndraft: true\n');
		});
		const found = problems(dir);
		expect(found).toContainEqual(
			expect.stringMatching(
				/^report\.yaml:\d+: translations\[0\]: en needs .*report\.en\.yaml: report\.yaml's title, publisher, labels and corrections in en$/,
			),
		);
		expect(found.filter((line) => line.includes('CY-006'))).toEqual([]);
	});

	it('starts a new finding in every language: the original, a draft, and a translation to fill in beside it', () => {
		const dir = copy('new-finding');
		const made = run('new', {}, ['finding', 'Cofnodion coll', '--report', dir]);
		expect(made.status, made.stderr).toBe(0);
		expect(made.stdout).toContain('cofnodion-coll.en.md, to translate');
		expect(readFileSync(join(dir, 'findings', 'cofnodion-coll.en.md'), 'utf8')).toMatch(
			/^---\ntitle: Cofnodion coll\nsummary: One or two sentences/,
		);
		expect(run('check', {}, [dir]).status).toBe(0);
	});
});
