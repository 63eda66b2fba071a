/** Levenshtein distance, for "did you mean …?" suggestions. */
export function editDistance(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const row = [i];
		for (let j = 1; j <= b.length; j++)
			row[j] = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
		previous = row;
	}
	return previous[b.length]!;
}

/** The choice closest to a value written, when it is close enough to be a slip of the keyboard. */
export function closest(value: string, choices: readonly string[]): string | undefined {
	const best = choices
		.map((choice) => ({ choice, distance: editDistance(value.toLowerCase(), choice.toLowerCase()) }))
		.sort((a, b) => a.distance - b.distance)[0];
	return best && best.distance <= Math.max(2, Math.floor(value.length / 3)) ? best.choice : undefined;
}

/**
 * A value outside a closed list, in the words every message uses: the value as written, the close one it may be
 * a slip for, and the list, with where it is set when that helps.
 */
export function outsideList(value: string, what: string, choices: readonly string[], source?: string): string {
	const close = closest(value, choices);
	const list = `${choices.length ? choices.join(', ') : '(none declared)'}${source ? ` (${source})` : ''}`;
	return close
		? `"${value}" is not ${what}; did you mean "${close}"? The choices are ${list}`
		: `"${value}" is not ${what}; use one of: ${list}`;
}
