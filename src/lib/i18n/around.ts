import type { MessageKey, Translate } from './messages.ts';
import type { MessageValues } from './format-ast.ts';

// A private-use character: no catalogue or report writes it, so it marks the one place an element goes.
const SLOT = '\uE000';

/**
 * A message with an element inside it (a date in `<time>`, a link): its words before and after the element, so that
 * each language puts the element where its grammar wants it. `slot` names the argument the element stands for.
 */
export function around(
	t: Translate,
	key: MessageKey,
	slot: string,
	values: MessageValues = {},
): { before: string; after: string } {
	const [before = '', after = ''] = t(key, { ...values, [slot]: SLOT }).split(SLOT);
	return { before, after };
}
