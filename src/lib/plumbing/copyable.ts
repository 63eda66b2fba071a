type Primitive = string | number | boolean | bigint | null | undefined;
type Binary = ArrayBuffer | SharedArrayBuffer | ArrayBufferView;

/**
 * Data that the structured clone copies to another thread: no function, no class with behaviour. A message type
 * that holds a function (a `lineOf` closure, say) becomes `never` there, so posting it does not type-check.
 */
export type Copyable<T> = T extends Primitive | Binary | Date | RegExp
	? T
	: T extends (...args: never[]) => unknown
		? never
		: T extends ReadonlyMap<infer K, infer V>
			? ReadonlyMap<Copyable<K>, Copyable<V>>
			: T extends ReadonlySet<infer V>
				? ReadonlySet<Copyable<V>>
				: T extends readonly (infer V)[]
					? readonly Copyable<V>[]
					: { [K in keyof T]: Copyable<T[K]> };

/**
 * Where in `value` the first thing that cannot be copied to a thread sits (`setup.context.lineOf`), or undefined.
 * Types miss what an object carries beyond its type; this names it in the error instead of the clone's own,
 * which prints the function's source and no path.
 */
export function uncopyablePath(value: unknown, path = 'message', seen = new Set<object>()): string | undefined {
	if (typeof value === 'function' || typeof value === 'symbol') return path;
	if (value === null || typeof value !== 'object' || seen.has(value)) return undefined;
	seen.add(value);
	if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer || value instanceof SharedArrayBuffer) return undefined;
	if (value instanceof Map) {
		for (const [key, item] of value)
			for (const [part, label] of [
				[key, 'key'],
				[item, String(key)],
			] as const) {
				const found = uncopyablePath(part, `${path}.${label}`, seen);
				if (found) return found;
			}
		return undefined;
	}
	const entries = value instanceof Set ? [...value].entries() : Object.entries(value);
	for (const [key, item] of entries) {
		const found = uncopyablePath(item, `${path}.${key}`, seen);
		if (found) return found;
	}
	return undefined;
}
