import { directive } from 'micromark-extension-directive';
import type { Code, Construct, Effects, Extension, State, TokenizeContext } from 'micromark-util-types';
import { editDistance } from '../edit-distance.ts';

/** The only directive names: everything else with a colon in it (`10:30`, `Contact:info@example.org`) is prose. */
export const DIRECTIVE_NAMES = ['figure', 'count', 'sum', 'chart'] as const;

declare module 'micromark-util-types' {
	interface TokenTypeMap {
		directiveNameLookahead: 'directiveNameLookahead';
	}
}

const COLON = 58;
const BRACKET = 91;
const BRACE = 123;

/** A name close to one of ours, followed by brackets or braces, is parsed so that the check can say "did you mean". */
function isOurs(name: string, next: Code): boolean {
	const lower = name.toLowerCase();
	if ((DIRECTIVE_NAMES as readonly string[]).includes(name)) return true;
	if (next !== BRACKET && next !== BRACE) return false;
	return name.length > 2 && DIRECTIVE_NAMES.some((known) => editDistance(known, lower) <= 2);
}

const isNameCode = (code: Code) =>
	code !== null &&
	((code >= 48 && code <= 57) ||
		(code >= 65 && code <= 90) ||
		(code >= 97 && code <= 122) ||
		code === 45 ||
		code === 95);

/**
 * Whether the Markdown may hold a directive: whether one of our names (or one close to it, followed by brackets or
 * braces) follows a colon anywhere, code and escapes included. A body for which this is false renders the same
 * whatever the report's context, so it can be rendered, and its render kept, without it.
 */
export function mayHaveDirectives(markdown: string): boolean {
	for (let colon = markdown.indexOf(':'); colon !== -1; colon = markdown.indexOf(':', colon + 1)) {
		let start = colon + 1;
		while (markdown.charCodeAt(start) === COLON) start++;
		let end = start;
		while (isNameCode(markdown.charCodeAt(end))) end++;
		const next = end < markdown.length ? markdown.charCodeAt(end) : null;
		if (end > start && isOurs(markdown.slice(start, end), next)) return true;
		colon = end - 1;
	}
	return false;
}

/** Looks ahead over `colons` colons and a name, without consuming anything, and lets only our names through. */
function lookahead(colons: number): Construct {
	return {
		partial: true,
		tokenize(effects: Effects, ok: State, nok: State): State {
			let name = '';
			let seen = 0;
			const marker: State = (code) => {
				if (code !== COLON) return nok(code);
				effects.consume(code);
				return ++seen === colons ? inName : marker;
			};
			const inName: State = (code) => {
				if (isNameCode(code)) {
					name += String.fromCharCode(code!);
					effects.consume(code);
					return inName;
				}
				effects.exit('directiveNameLookahead');
				return name && isOurs(name, code) ? ok(code) : nok(code);
			};
			return (code) => {
				effects.enter('directiveNameLookahead');
				return marker(code);
			};
		},
	};
}

/** The construct of remark-directive's syntax, tried only when the lookahead finds one of our names. */
function restricted(construct: Construct, colons: number): Construct {
	const check = lookahead(colons);
	return {
		...construct,
		tokenize(this: TokenizeContext, effects: Effects, ok: State, nok: State): State {
			const inner = construct.tokenize.call(this, effects, ok, nok);
			return (code) => effects.check(check, inner, nok)(code);
		},
	};
}

/**
 * remark-directive's micromark syntax, narrowed to our four names. Narrowing the syntax rather than turning
 * unknown directives back into text keeps what they would have been: `Contact:info@example.org` stays text
 * that GFM makes an email link, and `mailto:a.b@c.d` a link to a.b@c.d.
 */
export function reportDirectiveSyntax(): Extension {
	const syntax = directive() as { text: Record<number, Construct>; flow: Record<number, Construct[]> };
	const [container, leaf] = syntax.flow[COLON]!;
	return {
		text: { [COLON]: restricted(syntax.text[COLON]!, 1) },
		flow: { [COLON]: [restricted(container!, 3), restricted(leaf!, 2)] },
	};
}
