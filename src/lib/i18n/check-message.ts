import { parse, type MessageFormatElement, type PluralElement } from '@formatjs/icu-messageformat-parser';

/** The names of a message's arguments, nested ones included: `{count, plural, …}` and `{date}` → count, date. */
export function argumentsOf(nodes: readonly MessageFormatElement[], names = new Set<string>()): Set<string> {
	for (const node of nodes) {
		if (node.type !== 0 && node.type !== 7 && node.type !== 8) names.add(node.value);
		if ('options' in node) for (const option of Object.values(node.options)) argumentsOf(option.value, names);
	}
	return names;
}

function pluralsOf(nodes: readonly MessageFormatElement[], found: PluralElement[] = []): PluralElement[] {
	for (const node of nodes) {
		if (node.type === 6) found.push(node);
		if ('options' in node) for (const option of Object.values(node.options)) pluralsOf(option.value, found);
	}
	return found;
}

const list = (names: Iterable<string>) => [...names].map((name) => `{${name}}`).join(', ') || 'none';

/**
 * What is wrong with a translated message, compared with the English one it stands for: it must parse, use the
 * same arguments, and give every plural form its language has (Welsh and Arabic have six).
 */
export function messageProblems(text: string, english: string, language: string): string[] {
	let nodes: MessageFormatElement[];
	try {
		nodes = parse(text, { ignoreTag: true });
	} catch (error) {
		const reason = error instanceof Error ? error.message : String(error);
		return [`is not a valid ICU message (${reason}); check its braces, and write ’ rather than ' next to one`];
	}
	const problems: string[] = [];
	const wanted = argumentsOf(parse(english, { ignoreTag: true }));
	const used = argumentsOf(nodes);
	const unknown = [...used].filter((name) => !wanted.has(name));
	const missing = [...wanted].filter((name) => !used.has(name));
	if (unknown.length) problems.push(`uses ${list(unknown)}, which this string does not have; it has ${list(wanted)}`);
	if (missing.length) problems.push(`leaves out ${list(missing)}; the English says "${english}"`);
	const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
	for (const plural of pluralsOf(nodes)) {
		const lacking = categories.filter((category) => !Object.hasOwn(plural.options, category));
		if (lacking.length)
			problems.push(
				`{${plural.value}, plural} needs every form ${language} has (${categories.join(', ')}); add ${lacking.join(', ')}`,
			);
	}
	return problems;
}
