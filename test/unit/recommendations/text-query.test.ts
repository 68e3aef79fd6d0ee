import { describe, expect, it } from 'vitest';
import { toLuceneQuery } from '../../../src/features/recommendations/text-query.ts';

describe('text searches as Lucene queries', () => {
  it('keeps words, phrases, prefixes, operators, modifiers and groups', () => {
    expect(toLuceneQuery('violencia contra la mujer')).toBe('violencia contra la mujer');
    expect(toLuceneQuery('"violencia contra las mujeres"')).toBe('"violencia contra las mujeres"');
    expect(toLuceneQuery('(Roma OR Sinti) AND educat*')).toBe('(Roma OR Sinti) AND educat*');
    expect(toLuceneQuery('+mujer -"Pacto Internacional" NOT tortura')).toBe(
      '+mujer -"Pacto Internacional" NOT tortura',
    );
    expect(toLuceneQuery('&& roma || sinti')).toBe('roma OR sinti');
  });

  it('searches words holding syntax characters as phrases of their parts', () => {
    expect(toLuceneQuery('A/HRC/28/15')).toBe('"A/HRC/28/15"');
    expect(toLuceneQuery('roma and/or sinti')).toBe('roma "and/or" sinti');
    expect(toLuceneQuery('para. 24(b)')).toBe('para. "24(b)"');
    expect(toLuceneQuery('title:x a^2 b~ c? *d e*f \\g')).toBe(
      '"title:x" "a^2" "b~" "c?" "*d" "e*f" "\\\\g"',
    );
    expect(toLuceneQuery('-AND roma')).toBe('-"AND" roma');
  });

  it('drops unbalanced quotes and parentheses and operators with nothing to join', () => {
    expect(toLuceneQuery('"violencia')).toBe('violencia');
    expect(toLuceneQuery('women AND (')).toBe('women');
    expect(toLuceneQuery(') women (')).toBe('women');
    expect(toLuceneQuery('a AND (b')).toBe('a AND (b)');
    expect(toLuceneQuery('Sinti) roma')).toBe('Sinti roma');
    expect(toLuceneQuery('OR a AND NOT')).toBe('a');
    expect(toLuceneQuery('a NOT AND b')).toBe('a NOT b');
    expect(toLuceneQuery('NOT NOT a')).toBe('NOT a');
    expect(toLuceneQuery('a (AND) b')).toBe('a b');
    // Lucene refuses + or - right after an operator: the operator decides.
    expect(toLuceneQuery('women NOT -violence')).toBe('women NOT violence');
    expect(toLuceneQuery('NOT +x')).toBe('NOT x');
    expect(toLuceneQuery('a AND -(b c)')).toBe('a AND (b c)');
  });

  it('gives nothing when no word is left, and composes accents', () => {
    for (const input of ['"', '""', '( )', '*', 'AND OR', '! - +']) {
      expect(toLuceneQuery(input), input).toBe('');
    }
    expect(toLuceneQuery('E\u0301liminer')).toBe('Éliminer');
  });
});
