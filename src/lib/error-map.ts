import type { z } from 'astro/zod';
import { fieldName, type Problem } from './problems.ts';
import type { YamlSource } from './content/yaml.ts';
import { editDistance } from './edit-distance.ts';

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
			if (issue.origin === 'string') return `is too long; shorten it to at most ${String(issue.maximum)} characters`;
			return `must be at most ${String(issue.maximum)}`;
		case 'invalid_value':
			return `must be one of: ${issue.values.map(String).join(', ')}`;
		case 'invalid_key':
			return `"${String(issue.path?.at(-1) ?? '')}" is not a valid name: ${issue.issues[0]?.message ?? 'check its spelling'}`;
		default:
			return undefined;
	}
};

/** Object keys allowed at `path` of a schema, looking through optional, default, pipe, array and record layers. */
export function allowedKeys(schema: Schema, path: readonly PropertyKey[]): string[] {
	let current: Schema | undefined = schema;
	let remaining = [...path];
	for (;;) {
		const def = current?._zod.def as unknown as Record<string, unknown> & { type: string };
		if (!def) return [];
		if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') current = def.innerType as Schema;
		else if (def.type === 'pipe') current = def.in as Schema;
		else if (remaining.length === 0) return def.type === 'object' ? Object.keys(def.shape as object) : [];
		else if (def.type === 'array') (current = def.element as Schema), (remaining = remaining.slice(1));
		else if (def.type === 'record') (current = def.valueType as Schema), (remaining = remaining.slice(1));
		else if (def.type === 'object') {
			current = (def.shape as Record<string, Schema>)[String(remaining[0])];
			remaining = remaining.slice(1);
		} else return [];
	}
}

export function unknownKeyMessage(key: string, allowed: readonly string[]): string {
	const closest = allowed
		.map((name) => ({ name, distance: editDistance(key.toLowerCase(), name.toLowerCase()) }))
		.sort((a, b) => a.distance - b.distance)[0];
	if (closest && closest.distance <= Math.max(2, Math.floor(key.length / 3)))
		return `unknown field; did you mean "${closest.name}"?`;
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
	if (result.success) return { data: result.data as z.output<S>, problems: [] };
	const problems = result.error.issues.flatMap((issue): Problem[] => {
		if (issue.code === 'unrecognized_keys') {
			const allowed = allowedKeys(schema, issue.path);
			return issue.keys.map((key) => ({
				file,
				line: source.lineOf([...issue.path, key]),
				field: fieldName([...issue.path, key]),
				message: unknownKeyMessage(key, allowed),
			}));
		}
		return [{ file, line: source.lineOf(issue.path), field: fieldName(issue.path) || topField, message: issue.message }];
	});
	return { problems };
}
