/**
 * Names that work everywhere. A report folder is written on one system, built on another, published as URLs and
 * unzipped on Linux, macOS and Windows: its file names, and the ids that become folders and addresses of the built
 * site, must survive all of them. Pure: it judges names it is given and reads no files.
 */
import { KEY_PATTERN } from '../../schemas/common.ts';
import { FINDING_ID_PATTERN } from '../../schemas/finding.ts';
import { sortProblems, type Problem } from '../problems.ts';

export interface NamedEntry {
	kind: 'finding' | 'theme' | 'page';
	/** The file as printed in problems (e.g. content/findings/2015/INV-07.md). */
	file: string;
	/** Path relative to its collection folder, with forward slashes, e.g. 2015/INV-07.md */
	relativePath: string;
	/** The id / slug the entry gets (for findings: the id field if written, else the file stem). */
	id: string;
	/** Where the id came from; an id from the file name obeys the same rules as one written in frontmatter. */
	idSource: 'file' | 'frontmatter';
	/** Line of the id field when idSource is 'frontmatter', else 1. */
	idLine: number;
}

type Kind = NamedEntry['kind'];

/** Page slugs that would collide with the site's own sections and files (a page is built at /<slug>/). */
export const RESERVED_SLUGS: readonly string[] = [
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
];

/** An id is a folder name and part of every address and citation of its page: long enough for any real scheme. */
const ID_MAX = 100;
/**
 * Windows limits a path to 260 characters (MAX_PATH) unless long paths are switched on, and Explorer's unzip and many
 * zip tools keep to it. The built page lives at findings/<id>/index.html inside an unzipped folder such as
 * C:\Users\<name>\Downloads\<report>-offline\, and the author's own folder is copied or unzipped under a similar
 * prefix, so each name and the whole path stay well under the limit. Names are measured in UTF-8 bytes because
 * zip entries and Linux and macOS name limits (255) count bytes, not characters.
 */
const SEGMENT_MAX_BYTES = 120;
const PATH_MAX = 200;

const NOUN = { finding: 'finding id', theme: 'theme id', page: 'page slug' } as const;
const EXAMPLE = { finding: 'INV-007', theme: 'information-sharing', page: 'about-the-data' } as const;
const ALLOWED = {
	finding: 'letters, digits, ".", "_" and "-" only',
	theme: 'lower-case letters, digits and hyphens',
	page: 'lower-case letters, digits and hyphens',
} as const;

const idPattern = (kind: Kind) => (kind === 'finding' ? FINDING_ID_PATTERN : KEY_PATTERN);
const allowedCharacter = (kind: Kind) => (kind === 'finding' ? /[A-Za-z0-9._-]/ : /[a-z0-9-]/);

/** Windows reserves these names whatever their case and extension (NUL.txt is the null device too); modern Windows adds superscript digits. */
const DEVICE = /^(?:con|prn|aux|nul|(?:com|lpt)[0-9\u00b9\u00b2\u00b3])$/i;
/** The site itself writes files with these endings (index.html, feed.xml, findings.json, findings.csv, sw.js, the offline zip). */
const FILE_EXTENSION = /\.(?:html|xml|json|csv|js|zip)$/i;
/** Characters that cut a URL short, or that Windows refuses in a name; control characters are added by CONTROL. */
const FORBIDDEN = /[#?%\\:*"<>|]/;
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Look-alikes of the ASCII hyphen that word processors and PDFs put into copied ids. */
const DASH = /[\u00ad\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
const DASHES = new RegExp(DASH.source, 'g');

const WINDOWS_FORBIDS = 'is not allowed in file names on Windows';
const CHARACTER_REASONS: Record<string, string> = {
	'#': 'starts the fragment part of a URL, so the address would be cut short',
	'?': 'starts the query part of a URL, so the address would be cut short',
	'%': 'starts an escape code in a URL',
	'\\': 'separates folders on Windows',
	'/': 'separates folders',
	':': WINDOWS_FORBIDS,
	'*': WINDOWS_FORBIDS,
	'"': WINDOWS_FORBIDS,
	'<': WINDOWS_FORBIDS,
	'>': WINDOWS_FORBIDS,
	'|': WINDOWS_FORBIDS,
};

function codePoint(character: string): string {
	return `U+${(character.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** A letter as the author sees it may be several code points (e + U+0301 for é): name them all, since that is the difference. */
function codePoints(grapheme: string): string {
	return [...grapheme].map(codePoint).join(' ');
}

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemes = (text: string) => [...segmenter.segment(text)].map(({ segment }) => segment);

/** A name as quoted in a message: control characters made visible, very long names cut. */
function show(text: string, max = 60): string {
	const visible = text.replace(new RegExp(CONTROL.source, 'g'), (character) => `\\u${codePoint(character).slice(2)}`);
	return visible.length > max ? `${visible.slice(0, max - 1)}…` : visible;
}

function unique(characters: Iterable<string>): string[] {
	return [...new Set(characters)];
}

function describeCharacter(grapheme: string): string {
	const reason = CHARACTER_REASONS[grapheme];
	if (reason) return `"${grapheme}" ${reason}`;
	if (grapheme === ' ') return 'a space becomes "%20" in the address';
	if (CONTROL.test(grapheme)) return `${codePoints(grapheme)} is an invisible control character`;
	if (DASH.test(grapheme)) return `"${grapheme}" (${codePoints(grapheme)}) looks like "-" but is not the ASCII hyphen`;
	if (/[^\u0000-\u007f]/.test(grapheme)) return `"${grapheme}" (${codePoints(grapheme)}) is not ASCII`;
	return `"${grapheme}" is not allowed`;
}

/** Why an id fails its pattern, in the author's terms; the pattern itself would only say "invalid". */
function idFaults(id: string, kind: Kind): string {
	if (id === '') return 'it is empty';
	const allowed = allowedCharacter(kind);
	const bad = unique(graphemes(id).filter((grapheme) => [...grapheme].some((character) => !allowed.test(character))));
	const isUpper = (grapheme: string) => kind !== 'finding' && /^[A-Z]$/.test(grapheme);
	const reasons = [
		...(bad.some(isUpper) ? ['upper-case letters are not allowed'] : []),
		...bad.filter((grapheme) => !isUpper(grapheme)).map(describeCharacter),
	];
	if (reasons.length > 3) return `${reasons.slice(0, 3).join(', ')}, and more`;
	if (reasons.length) return reasons.join(', ');
	return kind === 'finding'
		? 'it must start with a letter or a digit'
		: 'it must start and end with a letter or a digit, with single hyphens between words';
}

/** The nearest ASCII id: é → e, look-alike dashes → "-", anything else unusable → "-". */
function asciiFor(id: string, kind: Kind): string {
	const plain = id.normalize('NFKD').replace(/\p{M}/gu, '').replace(DASHES, '-');
	if (kind === 'finding')
		return plain
			.replace(/[^A-Za-z0-9._-]+/g, '-')
			.slice(0, ID_MAX)
			.replace(/^[^A-Za-z0-9]+/, '')
			.replace(/[-.]+$/, '');
	return plain
		.toLowerCase()
		.replace(/[^a-z0-9]+/g, '-')
		.slice(0, ID_MAX)
		.replace(/^-+|-+$/g, '');
}

/** The part of a name Windows compares with its device names: before the first dot, trailing spaces ignored. */
function windowsDevice(name: string): { device: string; rest: string } | undefined {
	const stem = name.split('.')[0] ?? '';
	return DEVICE.test(stem.trimEnd()) ? { device: stem.trimEnd(), rest: name.slice(stem.length) } : undefined;
}

const isDotName = (id: string) => id === '.' || id === '..';
const isReservedSlug = (id: string) => RESERVED_SLUGS.includes(id.toLowerCase());
const characters = (text: string) => [...text].length;

/** Whether an id passes every rule on its own, so that a message never suggests a name that fails another rule. */
function isSoundId(id: string, kind: Kind): boolean {
	return (
		idPattern(kind).test(id) &&
		!isDotName(id) &&
		!id.endsWith('.') &&
		!FILE_EXTENSION.test(id) &&
		!windowsDevice(id) &&
		characters(id) <= ID_MAX &&
		!(kind === 'page' && isReservedSlug(id))
	);
}

function pageFolder(kind: Kind, id: string): string {
	return kind === 'finding' ? `findings/${id}/` : kind === 'theme' ? `themes/${id}/` : `${id}/`;
}

/** How the author changes an id: by renaming the file it came from, or by editing the id field. */
function fix(entry: NamedEntry, candidate: string, how = ''): string {
	const example = isSoundId(candidate, entry.kind) ? candidate : EXAMPLE[entry.kind];
	const using = how ? ` using ${how}` : '';
	return entry.idSource === 'file'
		? `rename the file${using}, e.g. ${example}.md`
		: `change the id${using}, e.g. ${example}`;
}

type IdRule = (entry: NamedEntry) => string | undefined;

const dotNameRule: IdRule = (entry) =>
	isDotName(entry.id)
		? `"${entry.id}" means ${entry.id === '.' ? 'this folder' : 'the folder above'} in a path, so it cannot name a page; ${fix(entry, EXAMPLE[entry.kind])}`
		: undefined;

const patternRule: IdRule = (entry) =>
	idPattern(entry.kind).test(entry.id)
		? undefined
		: `"${show(entry.id)}" is not a valid ${NOUN[entry.kind]}: ${idFaults(entry.id, entry.kind)}; ${fix(entry, asciiFor(entry.id, entry.kind), ALLOWED[entry.kind])}`;

/** The rules below judge ids that look right; an id that fails its pattern already has a message whose example passes them all. */
const trailingDotRule: IdRule = (entry) =>
	idPattern(entry.kind).test(entry.id) && entry.id.endsWith('.')
		? `"${show(entry.id)}" ends with a dot, which Windows drops from folder names, so its page folder ${pageFolder(entry.kind, show(entry.id))} would not unzip intact there; ${fix(entry, entry.id.replace(/\.+$/, ''))}`
		: undefined;

const extensionRule: IdRule = (entry) => {
	const ending = idPattern(entry.kind).test(entry.id) ? FILE_EXTENSION.exec(entry.id)?.[0] : undefined;
	if (!ending) return undefined;
	return `"${show(entry.id)}" ends in "${ending}" like the files the site writes itself (such as findings/index.html and feed.xml), so its page folder ${pageFolder(entry.kind, show(entry.id))} would clash with or be mistaken for one of them; ${fix(entry, entry.id.slice(0, -ending.length))}`;
};

const deviceRule: IdRule = (entry) => {
	const found = windowsDevice(entry.id);
	if (!found) return undefined;
	const name = entry.idSource === 'file' ? 'file name' : 'name';
	const what =
		found.rest === ''
			? `"${entry.id}" is a reserved ${name} on Windows`
			: `"${show(entry.id)}" starts with "${found.device}", a reserved ${name} on Windows even with an extension`;
	const why =
		entry.idSource === 'file'
			? ''
			: `, so its page folder ${pageFolder(entry.kind, show(entry.id))} could not be created there`;
	return `${what}${why}; ${fix(entry, `${found.device}-1${found.rest}`)}`;
};

const lengthRule: IdRule = (entry) => {
	const length = characters(entry.id);
	if (length <= ID_MAX) return undefined;
	const shorten =
		entry.idSource === 'file'
			? `shorten the file name to at most ${ID_MAX} characters before ".md"`
			: `shorten the id to at most ${ID_MAX} characters`;
	return `the ${NOUN[entry.kind]} "${show(entry.id)}" is ${length} characters long; it becomes a folder name and part of its page's address, so ${shorten}`;
};

/** Kept word for word from the check it replaces, so that authors and tests see the same message. */
const reservedSlugRule: IdRule = (entry) =>
	entry.kind === 'page' && isReservedSlug(entry.id)
		? `"${show(entry.id)}" is a section of the site; rename the page file, e.g. ${asciiFor(`about-${entry.id}`, 'page')}.md`
		: undefined;

const ID_RULES: readonly IdRule[] = [
	patternRule,
	trailingDotRule,
	extensionRule,
	deviceRule,
	lengthRule,
	reservedSlugRule,
];

/** An id written in frontmatter is reported at its line; one taken from the file name is a problem of the file. */
function atId(entry: NamedEntry, message: string): Problem {
	return entry.idSource === 'frontmatter'
		? { file: entry.file, line: entry.idLine, field: 'id', message }
		: { file: entry.file, line: 1, field: 'file', message };
}

function idProblems(entry: NamedEntry): Problem[] {
	const dots = dotNameRule(entry);
	const messages = dots ? [dots] : ID_RULES.map((rule) => rule(entry));
	return messages.filter((message) => message !== undefined).map((message) => atId(entry, message));
}

/** a#b.md → a-b.md, 50%.md → 50.md: unusable characters become hyphens, but never at the edges of the name. */
function withoutForbidden(segment: string): string {
	return segment
		.replace(/[#?%\\:*"<>|\u0000-\u001f\u007f]+/g, '-')
		.replace(/^-+/, '')
		.replace(/-+(?=\.[^.]*$|$)/, '');
}

function segmentMessages(segment: string, isFile: boolean): string[] {
	const label = `${isFile ? 'file' : 'folder'} name "${show(segment)}"`;
	const rename = isFile ? 'rename the file' : 'rename the folder';
	const eg = (candidate: string) => (candidate && !windowsDevice(candidate) ? `, e.g. ${candidate}` : '');
	const messages: string[] = [];
	const bad = unique([...segment].filter((character) => FORBIDDEN.test(character) || CONTROL.test(character)));
	if (bad.length)
		messages.push(
			`${label} cannot be used: ${bad.map(describeCharacter).join(', ')}; ${rename}${eg(withoutForbidden(segment))}`,
		);
	const trimmed = segment.trim().replace(/[.\s]+$/u, '');
	if (segment.endsWith('.'))
		messages.push(
			`${label} ends with a dot, which Windows drops from names, so it would not copy or unzip intact there; ${rename}${eg(trimmed)}`,
		);
	if (/^\s|\s$/u.test(segment))
		messages.push(
			`${label} starts or ends with a space, which is easy to miss and which Windows drops at the end of a name; ${rename}${eg(trimmed)}`,
		);
	const found = windowsDevice(segment);
	if (found) {
		const what =
			found.rest === ''
				? 'is a reserved name on Windows'
				: `starts with "${found.device}", a reserved name on Windows even with an extension`;
		messages.push(`${label} ${what}; ${rename}, e.g. ${found.device}-1${found.rest}`);
	}
	const bytes = new TextEncoder().encode(segment).length;
	if (bytes > SEGMENT_MAX_BYTES) {
		const note = bytes === segment.length ? '' : ' (letters outside A to Z count as 2 to 4 bytes)';
		messages.push(
			`${label} is ${bytes} bytes long; Windows and zip tools fail on long paths, so ${rename} to at most ${SEGMENT_MAX_BYTES} bytes${note}`,
		);
	}
	return messages;
}

/**
 * The file name that an id was taken from is judged by the id rules instead (they are stricter), so that one
 * mistake gives one message. The comparison, not the idSource alone, decides: a name that the id was not cut from
 * cleanly (a\b.md gives the id b) is still judged as a name.
 */
const judgedAsId = (entry: NamedEntry, segment: string) =>
	entry.idSource === 'file' && segment.replace(/\.md$/i, '') === entry.id;

function pathProblems(entry: NamedEntry): Problem[] {
	const segments = entry.relativePath.split('/');
	const messages = segments.flatMap((segment, index) => {
		const isFile = index === segments.length - 1;
		return segment === '' || (isFile && judgedAsId(entry, segment)) ? [] : segmentMessages(segment, isFile);
	});
	const length = characters(entry.relativePath);
	if (length > PATH_MAX)
		messages.push(
			`the path "${show(entry.relativePath)}" is ${length} characters long; Windows and zip tools fail on long paths, so shorten the folder and file names to at most ${PATH_MAX} characters in all`,
		);
	return messages.map((message) => ({ file: entry.file, line: 1, field: 'file', message }));
}

/** What macOS and Windows compare when they look a name up: one Unicode form (NFC) and no case. */
function fold(text: string): string {
	return text.normalize('NFC').toLowerCase().normalize('NFC');
}

/** "differ only in upper/lower case", "are the same text with accents in different Unicode forms", or both. */
function howTheyDiffer(a: string, b: string): string {
	if (a.toLowerCase() === b.toLowerCase()) return 'differ only in upper/lower case';
	if (a.normalize('NFC') === b.normalize('NFC'))
		return 'are the same text with accents written in different Unicode forms';
	return 'differ only in upper/lower case and in the Unicode form of accents';
}

function groupsBy(entries: readonly NamedEntry[], key: (entry: NamedEntry) => string): NamedEntry[][] {
	return [...Map.groupBy(entries, key).values()].filter((group) => group.length > 1);
}

const FIX_CLASH = {
	finding: 'give each finding its own id (set id:, or rename the file)',
	theme: 'rename one of the files',
	page: 'rename one of the files',
} as const;

/**
 * The built site writes each entry to a folder named after its id (findings/<id>/), so ids that macOS or Windows
 * would take for one name overwrite each other's pages there. Exact duplicates are checkUniqueIds' to report.
 */
function idClashes(entries: readonly NamedEntry[]): Problem[] {
	return groupsBy(entries, (entry) => `${entry.kind}\u0000${fold(entry.id)}`).flatMap((group) =>
		group.flatMap((entry) => {
			const others = group.filter((other) => other.id !== entry.id);
			const first = others[0];
			if (!first) return [];
			const named = others.map((other) => `"${show(other.id)}" (${other.file})`).join(', ');
			const message = `"${show(entry.id)}" and ${named} ${howTheyDiffer(entry.id, first.id)}, so macOS and Windows would write their pages to one folder, ${pageFolder(entry.kind, show(fold(entry.id)))}, and one would overwrite the other; ${FIX_CLASH[entry.kind]}`;
			return [atId(entry, message)];
		}),
	);
}

/**
 * Two files of one folder whose paths macOS and Windows take for the same file: copying or unzipping the report
 * folder there keeps only one. When both ids come from those file names, the ids clash too and that message
 * (or checkUniqueIds') already asks for a rename, so this one is not repeated. Folders whose names differ only in
 * case or Unicode form (2015/ and 2015/ in NFD, Audit/ and audit/) are not reported: they merge on those systems,
 * and only files of the same name inside them are lost, which this rule catches by the whole path.
 */
function pathClashes(entries: readonly NamedEntry[]): Problem[] {
	return groupsBy(entries, (entry) => `${entry.kind}\u0000${fold(entry.relativePath)}`).flatMap((group) =>
		group.flatMap((entry) => {
			const others = group.filter(
				(other) =>
					other.relativePath !== entry.relativePath &&
					!(entry.idSource === 'file' && other.idSource === 'file' && fold(entry.id) === fold(other.id)),
			);
			const first = others[0];
			if (!first) return [];
			const message = `this file and ${others.map((other) => other.file).join(', ')} ${howTheyDiffer(entry.relativePath, first.relativePath)}, so macOS and Windows take them for one file and copying or unzipping the folder there would lose one of them; rename one of them`;
			return [{ file: entry.file, line: 1, field: 'file', message }];
		}),
	);
}

/**
 * Sorted as the check sorts, except that names which compare equal there (café in NFC and in NFD) are told apart
 * by their code units, so that each file's problems stay together.
 */
function sorted(problems: readonly Problem[]): Problem[] {
	const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
	return sortProblems(problems).sort((a, b) => a.file.localeCompare(b.file) || byCodeUnits(a.file, b.file));
}

/** Every problem with the names of a report's files and the ids of its entries, sorted by file and line. */
export function nameProblems(entries: readonly NamedEntry[]): Problem[] {
	return sorted([
		...entries.flatMap((entry) => [...pathProblems(entry), ...idProblems(entry)]),
		...idClashes(entries),
		...pathClashes(entries),
	]);
}
