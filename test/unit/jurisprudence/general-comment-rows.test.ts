/**
 * Reading general comments (issue 27): references from symbols, file names and short names as
 * the annotated treaty-body dataset writes them, paragraph numbers, articles named in titles.
 */
import { describe, expect, it } from 'vitest';
import {
  articlesInTitle,
  canonicalOf,
  concernedGroups,
  isoDate,
  numbersFromShortName,
  numbersFromSymbol,
  paragraphNumber,
  reference,
  resolveReferences,
  titleFromShortName,
  yearInTitle,
} from '../../../src/features/jurisprudence/general-comment-rows.ts';

describe('references', () => {
  it('writes GR for CEDAW and CERD, GC for the others', () => {
    expect(reference('CEDAW', 35)).toBe('CEDAW/GR/35');
    expect(reference('CERD', 29)).toBe('CERD/GR/29');
    expect(reference('CCPR', 36)).toBe('CCPR/GC/36');
  });

  it('reads numbers from symbols, not years or compilation pages', () => {
    expect([...numbersFromSymbol('CEDAW/C/GC/31/Rev.1–CRC/C/GC/18/Rev.1')]).toEqual([
      ['CEDAW', 31],
      ['CRC', 18],
    ]);
    expect([...numbersFromSymbol('E/C.12/GC/24')]).toEqual([['CESCR', 24]]);
    expect([...numbersFromSymbol('\tCRC/C/GC/26')]).toEqual([['CRC', 26]]);
    expect(numbersFromSymbol('CRC/GC/2003/3').size).toBe(0);
    expect(numbersFromSymbol('HRI/GEN/1/Rev.9 (Vol. I) p. 181').size).toBe(0);
  });

  it('reads joint and single short names', () => {
    expect(numbersFromShortName('CRC GC22/CMW GC3: International migration')).toEqual([
      { body: 'CRC', number: 22 },
      { body: 'CMW', number: 3 },
    ]);
    expect(numbersFromShortName('GR:38: trafficking in women')).toEqual([
      { body: undefined, number: 38 },
    ]);
  });

  it('prefers the symbol, then the file name, and says where the sources disagree', () => {
    const cescr = resolveReferences({
      bodies: ['CESCR'],
      symbol: 'E/C.12/GC/24',
      shortName: 'GC25: State obligations under ICESCR in the context of business',
      file: 'Annotated_ESCR-GC24-Business.json',
    });
    expect(cescr.parts).toEqual([{ body: 'CESCR', number: 24 }]);
    expect(cescr.warnings).toEqual([
      'CESCR: the short name says No. 25, the symbol No. 24; CESCR/GC/24 taken',
    ]);
    const joint = resolveReferences({
      bodies: ['CRC', 'CEDAW'],
      symbol: 'CEDAW/C/GC/31/Rev.1–CRC/C/GC/18/Rev.1',
      shortName: 'CRC GC18/CEDAW GR31: Harmful practices [Revised]',
      file: 'Annotated_CRC_CEDAW-GC18-Harmful-REV.json',
    });
    const refs = joint.parts.map((p) => reference(p.body, p.number));
    expect(refs).toEqual(['CRC/GC/18', 'CEDAW/GR/31']);
    expect(canonicalOf(refs)).toBe('CEDAW/GR/31');
    const old = resolveReferences({
      bodies: ['CCPR'],
      symbol: 'HRI/GEN/1/Rev.9 (Vol. I) p. 181',
      shortName: 'GC10: article 19 (freedom of opinion)',
      file: 'Annotated_CCPR_GC10_opinion.json',
    });
    expect(old).toEqual({ parts: [{ body: 'CCPR', number: 10 }], errors: [], warnings: [] });
    expect(
      resolveReferences({ bodies: ['CAT'], symbol: '', shortName: 'Torture', file: '' }).errors,
    ).toEqual(['no number for CAT in the symbol, file name or short name']);
  });
});

describe('paragraphs', () => {
  it('reads "12." and "12", and a number left in the text', () => {
    expect(paragraphNumber('12.', 'Text')).toEqual({ number: 12, text: 'Text', fromText: false });
    expect(paragraphNumber('0', 'Text')?.number).toBe(0);
    expect(paragraphNumber('', '15.There are three components')).toEqual({
      number: 15,
      text: 'There are three components',
      fromText: true,
    });
    expect(paragraphNumber('', '1.5 million workers')).toBeUndefined();
    expect(paragraphNumber('three', 'Text')).toBeUndefined();
  });

  it('splits concerned groups', () => {
    expect(concernedGroups('Women/girls | Children')).toEqual(['Women/girls', 'Children']);
    expect(concernedGroups('')).toEqual([]);
  });
});

describe('titles', () => {
  it('names the articles a title is about', () => {
    expect(articlesInTitle('Article 4, paragraph 1, of the Convention', 'CEDAW')).toEqual([
      'CEDAW-4-1',
    ]);
    expect(
      articlesInTitle('The right to adequate housing (art. 11 (1) of the Covenant)', 'CESCR'),
    ).toEqual(['CESCR-11-1']);
    expect(articlesInTitle('The nature of obligations (Art. 2, par. 1)', 'CESCR')).toEqual([
      'CESCR-2-1',
    ]);
    expect(
      articlesInTitle('Implementation of article 3 in the context of article 22', 'CAT'),
    ).toEqual(['CAT-3', 'CAT-22']);
    expect(articlesInTitle('Plans of action for primary education (art.14)', 'CESCR')).toEqual([
      'CESCR-14',
    ]);
    expect(articlesInTitle('Gender-based violence against women', 'CEDAW')).toEqual([]);
  });

  it('strips the dataset prefix and reads years and dates', () => {
    expect(titleFromShortName('GC12: article 1 (right to self-determination)')).toBe(
      'article 1 (right to self-determination)',
    );
    expect(yearInTitle('General comment No. 1 (2023) on enforced disappearance')).toBe(2023);
    expect(yearInTitle('General Comment No. 13 (Twenty-first session, 1999)')).toBeUndefined();
    expect(isoDate('8 May 2019')).toBe('2019-05-08');
    expect(isoDate('21 Nov 1997')).toBe('1997-11-21');
    expect(isoDate('sometime')).toBeUndefined();
  });
});
