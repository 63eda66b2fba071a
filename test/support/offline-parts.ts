import { runInNewContext } from 'node:vm';

/**
 * Loads the offline edition's search index parts as its page does: a part's script run when the index asks for it,
 * here in a context of its own (some tests fill its labels with hostile text), where it files itself under
 * `self.searchParts`. For `openOfflineIndex`.
 */
export function partLoader(script: (name: string) => string): (name: string) => Promise<unknown> {
	const sandbox: { self: { searchParts?: Record<string, unknown> } } = { self: {} };
	return async (name) => {
		runInNewContext(script(name), sandbox);
		return sandbox.self.searchParts![name];
	};
}
