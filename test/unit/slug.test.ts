import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
	it('makes URL- and disk-safe file names from titles', () => {
		expect(slugify('Leadership & culture (2017)')).toBe('leadership-and-culture-2017');
		expect(slugify('Straße und Brücke')).toBe('strasse-und-bruecke');
		expect(slugify('Оценка рисков')).toBe('otsenka-riskov');
		expect(slugify('  Évaluation des données  ')).toBe('evaluation-des-donnees');
		expect(slugify('!!!')).toBe('');
		expect(slugify('a'.repeat(80)).length).toBe(60);
		expect(slugify(`${'word '.repeat(11)}end`)).not.toMatch(/-$/);
	});
});
