import ar from '../../translations/ar.json' with { type: 'json' };
import cy from '../../translations/cy.json' with { type: 'json' };
import de from '../../translations/de.json' with { type: 'json' };
import en from '../../translations/en.json' with { type: 'json' };
import es from '../../translations/es.json' with { type: 'json' };
import fr from '../../translations/fr.json' with { type: 'json' };
import ga from '../../translations/ga.json' with { type: 'json' };
import nl from '../../translations/nl.json' with { type: 'json' };
import type { MessageKey, Messages } from './messages.ts';

/** The interface strings the project ships, by language subtag. */
export const SHIPPED: Readonly<Record<string, Partial<Messages>>> = { ar, cy, de, en, es, fr, ga, nl };

export const ENGLISH: Messages = en;

/** Every interface string's key, in the English catalogue's order. */
export const MESSAGE_KEYS = Object.keys(en) as MessageKey[];

/** The shipped catalogue for a tag: `cy-GB` and `cy` both take Welsh's; none for a language not shipped. */
export function shippedCatalogue(tag: string): Partial<Messages> | undefined {
	const language = new Intl.Locale(tag).language;
	return Object.hasOwn(SHIPPED, language) ? SHIPPED[language] : undefined;
}

const RIGHT_TO_LEFT_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg']);

/** Arabic, Hebrew, Persian, Urdu and every language written in their scripts are laid out from the right. */
export function direction(tag: string): 'ltr' | 'rtl' {
	// The likely script when none is written: ar → Arab, ur → Arab, he → Hebr; az-Arab says its own.
	const script = new Intl.Locale(tag).maximize().script;
	return script && RIGHT_TO_LEFT_SCRIPTS.has(script) ? 'rtl' : 'ltr';
}
