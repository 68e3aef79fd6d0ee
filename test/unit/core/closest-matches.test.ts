/** Suggesting what an unknown code or name meant. */
import { describe, expect, it } from 'vitest';
import { closestMatches } from '../../../src/core/closest-matches.ts';

describe('closestMatches', () => {
  const codes = ['belem_do_para', 'cedaw', 'op_cedaw', 'istanbul', 'icescr', 'iccpr'];
  const self = (c: string) => [c];

  it('puts the candidates that contain the value first, then the nearest by edit distance', () => {
    expect(closestMatches('belem', codes, self)).toEqual(['belem_do_para']);
    expect(closestMatches('cedaw_op', codes, self)).toEqual(['op_cedaw', 'cedaw']);
    expect(closestMatches('instanbul', codes, self)).toEqual(['istanbul']);
    expect(closestMatches('ICCPR1', codes, self)[0]).toBe('iccpr');
  });

  it('suggests nothing far off, and nothing for an empty value', () => {
    expect(closestMatches('maputo', codes, self)).toEqual([]);
    expect(closestMatches(' ', codes, self)).toEqual([]);
  });
});
