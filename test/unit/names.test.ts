import { describe, expect, it } from 'vitest';
import { nameProblems, RESERVED_SLUGS, type NamedEntry } from '../../src/lib/content/names.ts';
import { fileStem } from '../../src/lib/content/ids.ts';

const FOLDERS = { finding: 'content/findings', theme: 'content/themes', page: 'content/pages' } as const;

/** An entry as the loader makes it: the id from frontmatter (line 2) when given, else the file stem. */
function entry(kind: NamedEntry['kind'], relativePath: string, frontmatterId?: string): NamedEntry {
	const file = `${FOLDERS[kind]}/${relativePath}`;
	return frontmatterId === undefined
		? { kind, file, relativePath, id: fileStem(relativePath), idSource: 'file', idLine: 1 }
		: { kind, file, relativePath, id: frontmatterId, idSource: 'frontmatter', idLine: 2 };
}
const finding = (relativePath: string, id?: string) => entry('finding', relativePath, id);
const theme = (relativePath: string) => entry('theme', relativePath);
const page = (relativePath: string) => entry('page', relativePath);

/** Problems as the check prints them. */
function printed(...entries: NamedEntry[]): string[] {
	return nameProblems(entries).map(({ file, line, field, message }) => `${file}:${line}: ${field}: ${message}`);
}

const ASCII_ID = 'letters, digits, ".", "_" and "-" only';
const KEY = 'lower-case letters, digits and hyphens';

describe('nameProblems: characters', () => {
	it('names a look-alike hyphen and suggests the ASCII id, in a file name or in frontmatter', () => {
		expect(printed(finding('PA\u20101.md'))).toEqual([
			`content/findings/PA\u20101.md:1: file: "PA\u20101" is not a valid finding id: "\u2010" (U+2010) looks like "-" but is not the ASCII hyphen; rename the file using ${ASCII_ID}, e.g. PA-1.md`,
		]);
		expect(printed(finding('x.md', 'PA\u20101'))).toEqual([
			`content/findings/x.md:2: id: "PA\u20101" is not a valid finding id: "\u2010" (U+2010) looks like "-" but is not the ASCII hyphen; change the id using ${ASCII_ID}, e.g. PA-1`,
		]);
	});

	it('explains the characters that break a URL', () => {
		expect(printed(finding('a#b.md'), finding('a?b.md'), finding('50%.md'))).toEqual([
			`content/findings/50%.md:1: file: "50%" is not a valid finding id: "%" starts an escape code in a URL; rename the file using ${ASCII_ID}, e.g. 50.md`,
			`content/findings/a?b.md:1: file: "a?b" is not a valid finding id: "?" starts the query part of a URL, so the address would be cut short; rename the file using ${ASCII_ID}, e.g. a-b.md`,
			`content/findings/a#b.md:1: file: "a#b" is not a valid finding id: "#" starts the fragment part of a URL, so the address would be cut short; rename the file using ${ASCII_ID}, e.g. a-b.md`,
		]);
	});

	it('judges a file name the id was not cut from cleanly as a name (a\\b.md gives the id b)', () => {
		expect(printed(finding('a\\b.md'))).toEqual([
			'content/findings/a\\b.md:1: file: file name "a\\b.md" cannot be used: "\\" separates folders on Windows; rename the file, e.g. a-b.md',
		]);
	});

	it('finds unusable characters in folder names too, showing control characters', () => {
		expect(printed(finding('a\tb/x.md', 'X'), finding('2015:old/INV-1.md'))).toEqual([
			'content/findings/2015:old/INV-1.md:1: file: folder name "2015:old" cannot be used: ":" is not allowed in file names on Windows; rename the folder, e.g. 2015-old',
			'content/findings/a\tb/x.md:1: file: folder name "a\\u0009b" cannot be used: U+0009 is an invisible control character; rename the folder, e.g. a-b',
		]);
	});

	it('explains why a theme id or a page slug is not a key', () => {
		expect(printed(theme('Bad Theme.md'), theme('a--b.md'))).toEqual([
			`content/themes/a--b.md:1: file: "a--b" is not a valid theme id: it must start and end with a letter or a digit, with single hyphens between words; rename the file using ${KEY}, e.g. a-b.md`,
			`content/themes/Bad Theme.md:1: file: "Bad Theme" is not a valid theme id: upper-case letters are not allowed, a space becomes "%20" in the address; rename the file using ${KEY}, e.g. bad-theme.md`,
		]);
	});
});

describe('nameProblems: Windows', () => {
	it('rejects reserved device names as ids, whatever their case or extension', () => {
		expect(printed(finding('CON.md'))).toEqual([
			'content/findings/CON.md:1: file: "CON" is a reserved file name on Windows; rename the file, e.g. CON-1.md',
		]);
		expect(printed(finding('sub/con.md'), finding('nul.txt.md'), finding('x.md', 'COM1'))).toEqual([
			'content/findings/nul.txt.md:1: file: "nul.txt" starts with "nul", a reserved file name on Windows even with an extension; rename the file, e.g. nul-1.txt.md',
			'content/findings/sub/con.md:1: file: "con" is a reserved file name on Windows; rename the file, e.g. con-1.md',
			'content/findings/x.md:2: id: "COM1" is a reserved name on Windows, so its page folder findings/COM1/ could not be created there; change the id, e.g. COM1-1',
		]);
	});

	it('rejects reserved device names as folders and as file names whose id is written inside', () => {
		expect(printed(finding('aux/x.md'), finding('LPT\u00b9.md', 'INV-1'), theme('con.md'))).toEqual([
			'content/findings/aux/x.md:1: file: folder name "aux" is a reserved name on Windows; rename the folder, e.g. aux-1',
			'content/findings/LPT\u00b9.md:1: file: file name "LPT\u00b9.md" starts with "LPT\u00b9", a reserved name on Windows even with an extension; rename the file, e.g. LPT\u00b9-1.md',
			'content/themes/con.md:1: file: "con" is a reserved file name on Windows; rename the file, e.g. con-1.md',
		]);
	});

	it('rejects names that end with a dot or start or end with a space', () => {
		expect(
			printed(finding('INV-1..md'), finding('x.md', 'INV-2.'), finding('old./INV-3.md'), finding(' 2015/INV-4.md')),
		).toEqual([
			'content/findings/ 2015/INV-4.md:1: file: folder name " 2015" starts or ends with a space, which is easy to miss and which Windows drops at the end of a name; rename the folder, e.g. 2015',
			'content/findings/INV-1..md:1: file: "INV-1." ends with a dot, which Windows drops from folder names, so its page folder findings/INV-1./ would not unzip intact there; rename the file, e.g. INV-1.md',
			'content/findings/old./INV-3.md:1: file: folder name "old." ends with a dot, which Windows drops from names, so it would not copy or unzip intact there; rename the folder, e.g. old',
			'content/findings/x.md:2: id: "INV-2." ends with a dot, which Windows drops from folder names, so its page folder findings/INV-2./ would not unzip intact there; change the id, e.g. INV-2',
		]);
	});

	it('rejects . and .. as ids', () => {
		expect(printed(finding('..md'), finding('x.md', '..'))).toEqual([
			'content/findings/..md:1: file: "." means this folder in a path, so it cannot name a page; rename the file, e.g. INV-007.md',
			'content/findings/x.md:2: id: ".." means the folder above in a path, so it cannot name a page; change the id, e.g. INV-007',
		]);
	});
});

describe('nameProblems: the site’s own files', () => {
	it('rejects an id that looks like a file the site writes', () => {
		expect(printed(finding('x.md', 'index.html'), finding('data.CSV.md'))).toEqual([
			'content/findings/data.CSV.md:1: file: "data.CSV" ends in ".CSV" like the files the site writes itself (such as findings/index.html and feed.xml), so its page folder findings/data.CSV/ would clash with or be mistaken for one of them; rename the file, e.g. data.md',
			'content/findings/x.md:2: id: "index.html" ends in ".html" like the files the site writes itself (such as findings/index.html and feed.xml), so its page folder findings/index.html/ would clash with or be mistaken for one of them; change the id, e.g. index',
		]);
	});

	it('keeps page slugs off the site’s sections', () => {
		expect(RESERVED_SLUGS).toEqual([
			'themes',
			'findings',
			'search',
			'recommendations',
			'data',
			'pagefind',
			'_astro',
			'index',
			'404',
			'changes',
			'feed.xml',
			'_images',
			'sw.js',
			'_offline',
		]);
		expect(printed(page('findings.md'), page('changes.md'), theme('changes.md'))).toEqual([
			'content/pages/changes.md:1: file: "changes" is a section of the site; rename the page file, e.g. about-changes.md',
			'content/pages/findings.md:1: file: "findings" is a section of the site; rename the page file, e.g. about-findings.md',
		]);
	});
});

describe('nameProblems: lengths', () => {
	it('limits an id to 100 characters', () => {
		const id = 'A'.repeat(300);
		expect(printed(finding('x.md', id))).toEqual([
			`content/findings/x.md:2: id: the finding id "${'A'.repeat(59)}…" is 300 characters long; it becomes a folder name and part of its page's address, so shorten the id to at most 100 characters`,
		]);
	});

	it('limits each name to 120 bytes and the whole path to 200 characters', () => {
		const name = `${'a'.repeat(249)}.md`;
		expect(printed(finding(name, 'INV-1'))).toEqual([
			`content/findings/${name}:1: file: file name "${'a'.repeat(59)}…" is 252 bytes long; Windows and zip tools fail on long paths, so rename the file to at most 120 bytes`,
			`content/findings/${name}:1: file: the path "${'a'.repeat(59)}…" is 252 characters long; Windows and zip tools fail on long paths, so shorten the folder and file names to at most 200 characters in all`,
		]);
		const accented = `${'\u00e9'.repeat(61)}.md`;
		expect(printed(finding(accented, 'INV-1'))).toEqual([
			`content/findings/${accented}:1: file: file name "${'\u00e9'.repeat(59)}…" is 125 bytes long; Windows and zip tools fail on long paths, so rename the file to at most 120 bytes (letters outside A to Z count as 2 to 4 bytes)`,
		]);
		const deep = `${'abcdefghij/'.repeat(19)}INV-1.md`;
		expect(printed(finding(deep))).toEqual([
			`content/findings/${deep}:1: file: the path "${deep.slice(0, 59)}…" is 217 characters long; Windows and zip tools fail on long paths, so shorten the folder and file names to at most 200 characters in all`,
		]);
	});
});

describe('nameProblems: names that macOS and Windows take for one', () => {
	it('reports ids that differ only in case, each naming the others, but not exact duplicates', () => {
		expect(printed(finding('2015/INV-1.md'), finding('2016/inv-1.md'), finding('2017/INV-1.md'))).toEqual([
			'content/findings/2015/INV-1.md:1: file: "INV-1" and "inv-1" (content/findings/2016/inv-1.md) differ only in upper/lower case, so macOS and Windows would write their pages to one folder, findings/inv-1/, and one would overwrite the other; give each finding its own id (set id:, or rename the file)',
			'content/findings/2016/inv-1.md:1: file: "inv-1" and "INV-1" (content/findings/2015/INV-1.md), "INV-1" (content/findings/2017/INV-1.md) differ only in upper/lower case, so macOS and Windows would write their pages to one folder, findings/inv-1/, and one would overwrite the other; give each finding its own id (set id:, or rename the file)',
			'content/findings/2017/INV-1.md:1: file: "INV-1" and "inv-1" (content/findings/2016/inv-1.md) differ only in upper/lower case, so macOS and Windows would write their pages to one folder, findings/inv-1/, and one would overwrite the other; give each finding its own id (set id:, or rename the file)',
		]);
		expect(printed(finding('a.md', 'INV-1'), finding('b.md', 'INV-1'))).toEqual([]);
	});

	it('reports ids that are one text in two Unicode forms (NFC é and NFD e + U+0301)', () => {
		const [nfc, nfd] = ['caf\u00e9', 'cafe\u0301'];
		// NFD sorts first: e (U+0065) comes before é (U+00E9).
		expect(printed(theme(`${nfc}.md`), theme(`${nfd}.md`))).toEqual([
			`content/themes/${nfd}.md:1: file: "${nfd}" is not a valid theme id: "e\u0301" (U+0065 U+0301) is not ASCII; rename the file using ${KEY}, e.g. cafe.md`,
			`content/themes/${nfd}.md:1: file: "${nfd}" and "${nfc}" (content/themes/${nfc}.md) are the same text with accents written in different Unicode forms, so macOS and Windows would write their pages to one folder, themes/${nfc}/, and one would overwrite the other; rename one of the files`,
			`content/themes/${nfc}.md:1: file: "${nfc}" is not a valid theme id: "\u00e9" (U+00E9) is not ASCII; rename the file using ${KEY}, e.g. cafe.md`,
			`content/themes/${nfc}.md:1: file: "${nfc}" and "${nfd}" (content/themes/${nfd}.md) are the same text with accents written in different Unicode forms, so macOS and Windows would write their pages to one folder, themes/${nfc}/, and one would overwrite the other; rename one of the files`,
		]);
	});

	it('reports files of one folder whose paths macOS and Windows take for one file, when their ids do not already clash', () => {
		const [nfc, nfd] = ['caf\u00e9', 'cafe\u0301'];
		expect(
			printed(
				finding(`${nfc}/report.md`, 'A'),
				finding(`${nfd}/report.md`, 'B'),
				finding('x/INV-1.md', 'C'),
				finding('x/inv-1.md', 'D'),
			),
		).toEqual([
			`content/findings/${nfd}/report.md:1: file: this file and content/findings/${nfc}/report.md are the same text with accents written in different Unicode forms, so macOS and Windows take them for one file and copying or unzipping the folder there would lose one of them; rename one of them`,
			`content/findings/${nfc}/report.md:1: file: this file and content/findings/${nfd}/report.md are the same text with accents written in different Unicode forms, so macOS and Windows take them for one file and copying or unzipping the folder there would lose one of them; rename one of them`,
			'content/findings/x/inv-1.md:1: file: this file and content/findings/x/INV-1.md differ only in upper/lower case, so macOS and Windows take them for one file and copying or unzipping the folder there would lose one of them; rename one of them',
			'content/findings/x/INV-1.md:1: file: this file and content/findings/x/inv-1.md differ only in upper/lower case, so macOS and Windows take them for one file and copying or unzipping the folder there would lose one of them; rename one of them',
		]);
	});

	it('lets folders that differ only in case or Unicode form merge, since the files in them do not clash', () => {
		expect(
			printed(
				finding('caf\u00e9/INV-1.md'),
				finding('cafe\u0301/INV-2.md'),
				finding('Audit/INV-3.md'),
				finding('audit/INV-4.md'),
			),
		).toEqual([]);
	});
});

describe('nameProblems: a clean report', () => {
	it('finds nothing wrong with ordinary names', () => {
		expect(
			printed(
				finding('2015/INV-07.md'),
				finding('2016 cases/Nov/INV-08.md', 'INV-8'),
				finding('PA_1.2.md'),
				finding('r\u00e9sum\u00e9s/INV-9.md'),
				theme('information-sharing.md'),
				theme('leadership.md'),
				page('method.md'),
				page('about-the-data.md'),
			),
		).toEqual([]);
	});
});
