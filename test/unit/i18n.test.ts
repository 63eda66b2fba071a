import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { direction, ENGLISH, MESSAGE_KEYS, SHIPPED } from '../../src/lib/i18n/catalogues.ts';
import { argumentsOf, messageProblems } from '../../src/lib/i18n/check-message.ts';
import { compileMessages } from '../../src/lib/i18n/compiled.ts';
import { formatNodes } from '../../src/lib/i18n/format-ast.ts';
import type { Messages } from '../../src/lib/i18n/messages.ts';
import { parse } from '@formatjs/icu-messageformat-parser';
import { wordsIn } from '../support/words.ts';

const LANGUAGES = Object.keys(SHIPPED);
// Numbers that fall in every plural category of the shipped languages (Welsh 0, 1, 2, 3, 6; Arabic 11, 100;
// French and Spanish a million), with a fraction besides.
const COUNTS = [0, 1, 2, 3, 6, 7, 11, 100, 1_000_000, 2.5];

/** Values for every argument of a message: `n` for its numbers, words for the rest. */
function valuesFor(text: string, n: number): Record<string, string | number> {
	return Object.fromEntries(
		[...argumentsOf(parse(text, { ignoreTag: true }))].map((name) => [
			name,
			/date|label|title|words|to|id/i.test(name) && !/total|count/i.test(name) ? `‹${name}›` : n,
		]),
	);
}

describe('the shipped catalogues', () => {
	it('ship at least en, cy, fr, de, es, nl, ga and ar', () => {
		expect(LANGUAGES).toEqual(expect.arrayContaining(['en', 'cy', 'fr', 'de', 'es', 'nl', 'ga', 'ar']));
	});

	it.each(LANGUAGES)(
		'%s has every string, each a valid message with English’s arguments and every plural form',
		(tag) => {
			const catalogue = SHIPPED[tag]!;
			expect(Object.keys(catalogue).sort()).toEqual([...MESSAGE_KEYS].sort());
			const problems = MESSAGE_KEYS.flatMap((key) =>
				messageProblems(catalogue[key]!, ENGLISH[key], tag).map((problem) => `${key}: ${problem}`),
			);
			expect(problems).toEqual([]);
		},
	);

	it.each(LANGUAGES)('%s formats in a page as intl-messageformat does at build time, for every count', (tag) => {
		const messages = { ...ENGLISH, ...SHIPPED[tag] } as Messages;
		const compiled = compileMessages(tag, messages, MESSAGE_KEYS);
		for (const key of MESSAGE_KEYS)
			for (const n of COUNTS) {
				const values = valuesFor(messages[key], n);
				const built = new IntlMessageFormat(messages[key], tag, undefined, { ignoreTag: true }).format(values);
				expect(formatNodes(compiled.messages[key]!, values, tag), `${tag} ${key} ${n}`).toBe(built);
			}
	});

	it('says Welsh counts with each of Welsh’s six forms', () => {
		const { t } = wordsIn('cy');
		const counts = [0, 1, 2, 3, 6, 7];
		expect(counts.map((n) => new Intl.PluralRules('cy').select(n))).toEqual([
			'zero',
			'one',
			'two',
			'few',
			'many',
			'other',
		]);
		// The noun mutates after 2 (soft) and after 3 and 6 (aspirate), and stays singular after a numeral.
		expect(counts.map((count) => t('themes.count', { count }))).toEqual([
			'0 canfyddiad',
			'1 canfyddiad',
			'2 ganfyddiad',
			'3 chanfyddiad',
			'6 chanfyddiad',
			'7 canfyddiad',
		]);
	});

	it('says Arabic dual and few forms differently from the singular', () => {
		const { t } = wordsIn('ar');
		const said = [1, 2, 3, 11, 100].map((count) => t('themes.count', { count }));
		expect(new Set(said).size).toBe(5);
	});
});

describe('a translated message', () => {
	it('is refused when it is not ICU, names an argument the string lacks, or leaves out a plural form', () => {
		expect(messageProblems('{count, plural, one {#}', ENGLISH['themes.count'], 'fr')[0]).toMatch(
			/^is not a valid ICU message \(/,
		);
		expect(messageProblems('{n} constats', ENGLISH['themes.count'], 'fr')).toEqual([
			'uses {n}, which this string does not have; it has {count}',
			'leaves out {count}; the English says "{count, plural, one {# finding} other {# findings}}"',
		]);
		expect(
			messageProblems('{count, plural, one {# canfyddiad} other {# canfyddiad}}', ENGLISH['themes.count'], 'cy'),
		).toEqual(['{count, plural} needs every form cy has (zero, one, two, few, many, other); add zero, two, few, many']);
	});
});

describe('the direction of a language', () => {
	it('is right to left for Arabic, Hebrew, Persian and Urdu, and for a language written in their scripts', () => {
		expect(['ar', 'ar-EG', 'he', 'fa', 'ur', 'az-Arab'].map(direction)).toEqual(Array(6).fill('rtl'));
		expect(['en', 'cy', 'fr-CA', 'ga', 'az', 'tr'].map(direction)).toEqual(Array(6).fill('ltr'));
	});
});
