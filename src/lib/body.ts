/** `![alt](path "title")` and `![alt](<path with spaces>)`. */
const IMAGE = /!\[[^\]]*\]\(\s*(?:<([^>]+)>|([^)\s]+))(?:\s+["'(][^)]*)?\)/g;

export interface BodyImage {
	target: string;
	/** 1-based line in the file. */
	line: number;
}

/** Images a Markdown body takes from the report folder (not from the web, not from the site root). */
export function localImages(body: string, bodyLine: number): BodyImage[] {
	return body.split('\n').flatMap((text, index) =>
		[...text.matchAll(IMAGE)]
			.map((match) => decodeURI(match[1] ?? match[2] ?? ''))
			.filter((target) => target && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(target))
			.map((target) => ({ target, line: bodyLine + index })),
	);
}
