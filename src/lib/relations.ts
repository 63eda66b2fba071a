/** Related findings both ways: if A names B, B's page lists A too. Ids in the order given. */
export function relatedBothWays(
	findings: readonly { id: string; related: readonly string[] }[],
): Map<string, string[]> {
	const ids = new Set(findings.map((finding) => finding.id));
	const related = new Map(findings.map((finding) => [finding.id, new Set<string>()]));
	for (const { id, related: targets } of findings)
		for (const target of targets) {
			if (!ids.has(target) || target === id) continue;
			related.get(id)!.add(target);
			related.get(target)!.add(id);
		}
	const order = new Map(findings.map((finding, index) => [finding.id, index]));
	return new Map([...related].map(([id, set]) => [id, [...set].sort((a, b) => order.get(a)! - order.get(b)!)]));
}

/** The finding before and after one in a list, for previous / next links. */
export function neighbours<T>(items: readonly T[], index: number): { previous?: T; next?: T } {
	return { previous: index > 0 ? items[index - 1] : undefined, next: items[index + 1] };
}
