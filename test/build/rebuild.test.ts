import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MARKER, markerLine } from '../../src/lib/build/marker.ts';
import { fixture, run } from '../support/run.ts';

const work = mkdtempSync(join(tmpdir(), 'findings-rebuild-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const edit = (path: string, from: string, to: string) => {
	const text = readFileSync(path, 'utf8');
	expect(text).toContain(from);
	writeFileSync(path, text.replace(from, to));
};

/** Every file of a site with its bytes, but for what differs between any two builds (Pagefind's index, its list). */
function siteFiles(dir: string): Map<string, string> {
	return new Map(
		readdirSync(dir, { recursive: true, withFileTypes: true })
			.filter((entry) => entry.isFile())
			.map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
			.filter((file) => !/^(pagefind\/|sw\.js$)/.test(file) && file !== MARKER)
			.sort()
			.map((file) => [file, readFileSync(join(dir, file), 'latin1')]),
	);
}

/** A copy of the editions fixture (three findings, a theme, a chapter, an earlier edition) and its output folder. */
function report(name: string) {
	const dir = join(work, name, 'report');
	cpSync(fixture('editions-report'), dir, { recursive: true });
	const out = join(work, name, 'dist');
	const build = (...args: string[]) => run('build', { REPORT_CONTENT: dir, REPORT_OUT: out }, args);
	return { dir, out, build };
}

describe('a rebuild', () => {
	it('keeps unchanged finding pages, renders the edited one and its neighbours, and matches a full build', () => {
		const { dir, out, build } = report('edited');
		const first = build();
		expect(first.stderr).toBe('');
		expect(first.stdout).not.toContain('kept');

		const again = build();
		expect(again.stdout).toContain('3 finding pages were unchanged and kept from the previous build.');

		// INV-2's title shows on its own page and as the next link of INV-1 and the previous link of INV-4.
		edit(join(dir, 'findings', 'INV-2.md'), 'title: Investigation 2', 'title: Investigation 2, delays');
		const edited = build();
		expect(edited.stderr).toBe('');
		expect(edited.stdout).not.toContain('kept from the previous build');
		expect(readFileSync(join(out, 'findings', 'INV-1', 'index.html'), 'utf8')).toContain('Investigation 2, delays');

		// Only the body of INV-4 changes: the other two pages are kept.
		edit(join(dir, 'findings', 'INV-4.md'), '\n---\n', '\n---\nA sentence added to the text.\n\n');
		const bodyOnly = build();
		expect(bodyOnly.stdout).toContain('2 finding pages were unchanged and kept from the previous build.');
		expect(readFileSync(join(out, 'findings', 'INV-4', 'index.html'), 'utf8')).toContain('A sentence added');

		// From a copy, so that nothing is taken from what the install keeps of this folder's builds either.
		const fresh = join(work, 'edited', 'fresh');
		cpSync(dir, fresh, { recursive: true });
		const full = join(work, 'edited', 'full');
		expect(run('build', { REPORT_CONTENT: fresh, REPORT_OUT: full }).status).toBe(0);
		expect(siteFiles(out)).toEqual(siteFiles(full));
	});

	it('renders every page again when what they all show changes, or when asked with --full', () => {
		const { dir, out, build } = report('shared');
		expect(build().status).toBe(0);
		// A theme's title is on every page of a finding with that theme.
		edit(join(dir, 'themes', 'records.md'), 'title: Recording of information', 'title: Keeping records');
		const retitled = build();
		expect(retitled.stdout).not.toContain('kept');
		expect(readFileSync(join(out, 'findings', 'INV-2', 'index.html'), 'utf8')).toContain('Keeping records');
		expect(build('--full').stdout).not.toContain('kept');
	});

	it('keeps nothing from a site at the output folder that another build made', () => {
		const { out, build } = report('replaced');
		expect(build().status).toBe(0);
		// Another install's build of another report put its site here: its marker names another build.
		const page = join(out, 'findings', 'INV-1', 'index.html');
		writeFileSync(page, readFileSync(page, 'utf8').replace('Investigation 1', 'Another report'));
		writeFileSync(join(out, MARKER), markerLine('0.1.0', 'another-build'));
		const back = build();
		expect(back.stdout).not.toContain('kept');
		expect(readFileSync(page, 'utf8')).not.toContain('Another report');
	});
});
