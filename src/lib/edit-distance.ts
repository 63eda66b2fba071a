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
