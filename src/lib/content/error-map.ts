import type { z } from 'astro/zod';
import { fieldName, type Problem } from '../problems.ts';
import type { YamlSource } from './yaml.ts';
import { closest, outsideList } from '../edit-distance.ts';
import { characters, withSeparators } from '../../schemas/limits.ts';

type Schema = z.core.$ZodType;

const EXPECTED: Record<string, string> = {
	string: 'text',
	number: 'a number',
	boolean: 'true or false',
	array: 'a list, e.g. [a, b]',
	object: 'a set of fields (key: value lines)',
	record: 'a set of fields (key: value lines)',
	date: 'a date written as YYYY-MM-DD',
};

function describe(value: unknown): string {
	if (value === null) return 'empty';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `the text "${value}"`;
	if (typeof value === 'object') return 'a set of fields';
	return `${typeof value === 'number' ? 'the number' : 'the value'} ${String(value)}`;
}

/**
 * Default messages for Zod issues, written for authors. A schema's own `error` wins over these, so that
 * messages that need context (summary length, dates) stay beside the rule they explain.
 */
export const errorMap: z.core.$ZodErrorMap = (issue) => {
	switch (issue.code) {
		case 'invalid_type': {
			const expected = EXPECTED[issue.expected] ?? issue.expected;
			if (issue.input === undefined) return `is required; add it (${expected})`;
			return `must be ${expected}, not ${describe(issue.input)}`;
		}
		case 'too_small':
			if (issue.origin === 'string') return 'must not be empty';
			if (issue.origin === 'number') return `must be ${String(issue.minimum)} or more`;
			return `needs at least ${String(issue.minimum)}`;
		case 'too_big':
			// The schemas' own limits (schemas/limits.ts) say the same, counting characters as a reader does.
			if (issue.origin === 'string')
				return `${typeof issue.input === 'string' ? `is ${withSeparators(characters(issue.input))} characters long` : 'is too long'}; shorten it to at most ${withSeparators(Number(issue.maximum))}`;
			return `must be at most ${String(issue.maximum)}`;
		case 'invalid_value':
			return typeof issue.input === 'string'
				? outsideList(issue.input, 'a value this field takes', issue.values.map(String))
				: `must be one of: ${issue.values.map(String).join(', ')}, not ${describe(issue.input)}`;
		case 'invalid_key':
			return `"${String(issue.path?.at(-1) ?? '')}" is not a valid name: ${issue.issues[0]?.message ?? 'check its spelling'}`;
		default:
			return undefined;
	}
};

type Def = Record<string, unknown> & { type: string };

/** A schema's definition, looking through optional, default and nullable layers and through a preprocess to what it feeds. */
function unwrap(schema: Schema | undefined): Def | undefined {
	let current = schema;
	for (;;) {
		const def = current?._zod.def as unknown as Def | undefined;
		if (!def) return undefined;
		if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') current = def.innerType as Schema;
		else if (def.type === 'pipe')
			current = ((def.in as Schema)._zod.def.type === 'transform' ? def.out : def.in) as Schema;
		else return def;
	}
}

/** Object keys allowed at `path` of a schema, looking through optional, default, pipe, array and record layers. */
export function allowedKeys(schema: Schema, path: readonly PropertyKey[]): string[] {
	let def = unwrap(schema);
	for (const key of path) {
		if (def?.type === 'array') def = unwrap(def.element as Schema);
		else if (def?.type === 'record') def = unwrap(def.valueType as Schema);
		else if (def?.type === 'object')
			def = Object.hasOwn(def.shape as object, String(key))
				? unwrap((def.shape as Record<string, Schema>)[String(key)])
				: undefined;
		else return [];
	}
	return def?.type === 'object' ? Object.keys(def.shape as object) : [];
}

/**
 * Zod leaves a `__proto__` key of a record out of its output without a word (writing it would replace the output's
 * prototype), so a metric or outcome named so would vanish. Each is reported here, where its key schema refuses it.
 * The walk follows the schema, so it goes no deeper than the format does.
 */
function protoKeyProblems(
	schema: Schema,
	data: unknown,
	path: PropertyKey[] = [],
): { path: PropertyKey[]; message: string }[] {
	const def = unwrap(schema);
	if (!def || !data || typeof data !== 'object') return [];
	if (def.type === 'array')
		return Array.isArray(data)
			? data.flatMap((item, index) => protoKeyProblems(def.element as Schema, item, [...path, index]))
			: [];
	if (Array.isArray(data)) return [];
	if (def.type === 'object')
		return Object.entries(def.shape as Record<string, Schema>).flatMap(([key, inner]) =>
			Object.hasOwn(data, key) ? protoKeyProblems(inner, (data as Record<string, unknown>)[key], [...path, key]) : [],
		);
	if (def.type !== 'record') return [];
	return Object.entries(data).flatMap(([key, item]) => {
		const inner = protoKeyProblems(def.valueType as Schema, item, [...path, key]);
		if (key !== '__proto__') return inner;
		const refused = (def.keyType as unknown as z.ZodType).safeParse(key, { error: errorMap });
		return refused.success
			? inner
			: [
					{
						path: [...path, key],
						message: `"${key}" is not a valid name: ${refused.error.issues[0]?.message ?? 'rename it'}`,
					},
					...inner,
				];
	});
}

/** The value at a path of parsed YAML, if there is one. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
	return path.reduce<unknown>(
		(value, key) => (value && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[key] : undefined),
		data,
	);
}

/**
 * Words with no value of their own, beside other fields: what YAML makes of the end of a value with a comma in a
 * map written on one line (`{ label: Paid, description: Amount paid, in pounds }` has a field "in pounds").
 * Said in words that need no YAML, with both fixes; undefined when the key does not look like that.
 */
function strayWords(key: string, parent: unknown, allowed: readonly string[]): string | undefined {
	const value = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[key] : undefined;
	if (value !== null || closest(key, allowed)) return undefined;
	return `"${key}" reads as a field of its own: in a list of fields on one line, inside { }, a comma ends a value, so the words after it became a field. Put that value in quotes ("…, ${key}"), or write the fields on separate lines`;
}

export function unknownKeyMessage(key: string, allowed: readonly string[]): string {
	const close = closest(key, allowed);
	if (close) return `unknown field; did you mean "${close}"?`;
	return `unknown field; remove it or use one of: ${allowed.join(', ')}`;
}

/** Validates parsed YAML against a schema and turns every issue into a problem with its line. */
export function validate<S extends Schema>(
	schema: S,
	source: Pick<YamlSource, 'data' | 'lineOf'>,
	file: string,
	topField = 'frontmatter',
): { data?: z.output<S>; problems: Problem[] } {
	const result = (schema as unknown as z.ZodType).safeParse(source.data, { error: errorMap });
	const hidden = protoKeyProblems(schema, source.data).map(({ path, message }) => ({
		file,
		line: source.lineOf(path),
		field: fieldName(path),
		message,
	}));
	if (result.success && !hidden.length) return { data: result.data as z.output<S>, problems: [] };
	const problems = (result.success ? [] : result.error.issues).flatMap((issue): Problem[] => {
		if (issue.code === 'unrecognized_keys') {
			const allowed = allowedKeys(schema, issue.path);
			const parent = valueAt(source.data, issue.path);
			return issue.keys.map((key) => ({
				file,
				line: source.lineOf([...issue.path, key]),
				field: fieldName([...issue.path, key]),
				message: strayWords(key, parent, allowed) ?? unknownKeyMessage(key, allowed),
			}));
		}
		return [
			{ file, line: source.lineOf(issue.path), field: fieldName(issue.path) || topField, message: issue.message },
		];
	});
	return { problems: [...problems, ...hidden] };
}
