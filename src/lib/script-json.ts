/** The characters that could end a script element or open an HTML comment, and the line separators, as escapes. */
const ESCAPES: Record<string, string> = {
	'<': '\\u003c',
	'>': '\\u003e',
	'&': '\\u0026',
	'\u2028': '\\u2028',
	'\u2029': '\\u2029',
};

/**
 * JSON to put inside a `<script type="application/json">` element. Every way the site embeds data goes through
 * this: a label such as `</script><img onerror=…>` or `<!--` stays text in the data and cannot end the element,
 * run, or hide the rest of the page.
 */
export function scriptJson(value: unknown): string {
	return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (char) => ESCAPES[char]!);
}
