/**
 * The pure parts of the decision importers: article codes, HUDOC conclusions and titles, OHCHR
 * dates and the ids of items that share a symbol. Inputs are taken from the real files
 * (../shared/data/ohchr-juris-decisions, ../shared/data/echr-hudoc-metadata).
 */
import { describe, expect, it } from 'vitest';
import {
  echrArticleCode,
  parseArticleCode,
} from '../../../src/features/jurisprudence/article-codes.ts';
import {
  hudocDate,
  parseConclusion,
  respondentsOfTitle,
} from '../../../src/features/jurisprudence/importers/hudoc.ts';
import {
  ohchrDate,
  ohchrIds,
  type OhchrItem,
} from '../../../src/features/jurisprudence/importers/ohchr-juris.ts';

describe('parseArticleCode', () => {
  it('reads instrument, article, paragraph and deeper levels, protocols by their own code', () => {
    expect(parseArticleCode('CCPR-14-3-b')).toEqual({
      ok: true,
      article: {
        code: 'CCPR-14-3-b',
        instrument: 'CCPR',
        article: '14',
        paragraph: '3',
        subparagraph: 'b',
      },
    });
    expect(parseArticleCode('CCPR-OP-5-2-b')).toMatchObject({
      ok: true,
      article: { instrument: 'CCPR-OP', article: '5', paragraph: '2', subparagraph: 'b' },
    });
    expect(parseArticleCode('CCPR-OP2-1')).toMatchObject({ article: { instrument: 'CCPR-OP2' } });
    expect(parseArticleCode('CAT-3')).toMatchObject({
      article: { code: 'CAT-3', paragraph: null, subparagraph: null },
    });
  });

  it('normalises the case of sub-paragraph letters, and says so', () => {
    expect(parseArticleCode('CEDAW-OP-4-2-C')).toMatchObject({
      ok: true,
      article: { code: 'CEDAW-OP-4-2-c' },
      note: 'article code CEDAW-OP-4-2-C read as CEDAW-OP-4-2-c',
    });
  });

  it('rejects the odd codes of the OHCHR file, with the closest treaty for a typo', () => {
    expect(parseArticleCode('CCPR-OP')).toEqual({
      ok: false,
      reason: 'article code "CCPR-OP" has no article number',
    });
    expect(parseArticleCode('CEDAW-')).toMatchObject({ ok: false });
    expect(parseArticleCode('CCCPR-18')).toEqual({
      ok: false,
      reason: 'article code "CCCPR-18" names no known treaty (closest: CCPR)',
    });
  });

  it('writes ECHR-OD articles as ECHR codes, protocols as ECHR-P{n}', () => {
    expect(echrArticleCode('6-3-c')).toBe('ECHR-6-3-c');
    expect(echrArticleCode('p1-3')).toBe('ECHR-P1-3');
  });
});

describe('HUDOC conclusions and titles', () => {
  it('reads findings of violation and no violation with their paragraphs, leaving out just satisfaction', () => {
    expect(
      parseConclusion(
        'Violation of Article 8 - Right to respect for private and family life (Article 8 - Positive obligations;Article 8-1 - Respect for private life);Non-pecuniary damage - award (Article 41 - Non-pecuniary damage;Just satisfaction)',
      ),
    ).toEqual({
      outcome: 'VIOLATION',
      articles: [
        { code: 'ECHR-8', violated: true },
        { code: 'ECHR-8-1', violated: true },
      ],
    });
    expect(
      parseConclusion(
        "Violation de l'article 14+8-1 - Interdiction de la discrimination (Article 14 - Discrimination)",
      ).articles,
    ).toEqual([
      { code: 'ECHR-14', violated: true },
      { code: 'ECHR-8-1', violated: true },
    ]);
    expect(
      parseConclusion('No violation of Article 1 of Protocol No. 1 - Protection of property'),
    ).toEqual({ outcome: 'NO_VIOLATION', articles: [{ code: 'ECHR-P1-1', violated: false }] });
    expect(
      parseConclusion(
        'Struck out of the list (Art. 37) Striking out applications-{general};(Art. 37-1) Striking out applications',
      ),
    ).toEqual({ outcome: 'STRUCK_OUT', articles: [] });
  });

  it('finds the respondents in a title, in English or French, several joined by "and"', () => {
    expect(
      respondentsOfTitle('CASE OF RINGIER AXEL SPRINGER SLOVAKIA; A.S. v. SLOVAKIA (No. 4)'),
    ).toEqual(['SLOVAKIA']);
    expect(respondentsOfTitle('AFFAIRE V.C. c. SLOVAQUIE [Extraits]')).toEqual(['SLOVAQUIE']);
    expect(
      respondentsOfTitle(
        'CASE OF V.C. v. SLOVAKIA - [German Translation] summary by the Austrian Institute for Human Rights (ÖIM)',
      ),
    ).toEqual(['SLOVAKIA']);
    expect(respondentsOfTitle('CASE OF M.S. v. SLOVAKIA AND UKRAINE')).toEqual([
      'SLOVAKIA',
      'UKRAINE',
    ]);
    expect(hudocDate('18/07/2017 00:00:00')).toBe('2017-07-18');
  });
});

describe('OHCHR items', () => {
  it('reads the scrape dates', () => {
    expect(ohchrDate('14 Jun 2010')).toBe('2010-06-14');
    expect(ohchrDate('')).toBeNull();
    expect(ohchrDate('June the 14th')).toBeUndefined();
  });

  const item = (symbol: string, communication: string, author = 'A.'): OhchrItem => ({
    file: 'f.xml',
    line: 1,
    itemNo: '1',
    symbol,
    committee: 'CCPR',
    countries: ['Jamaica'],
    articles: [],
    issues: [],
    type: 'Adoption of views',
    submissionDate: author ? '1991-01-01' : null,
    adoptionDate: null,
    admissionDate: null,
    session: '57',
    communicationNumbers: [communication],
    author,
    victim: '',
    displayName: '',
    url: null,
  });

  it('keeps one id for the items of one decision, and tells apart communications sharing a symbol', () => {
    // CCPR/C/57/D/480/1991 is on 480/1991 and, by mistake, on 461/1991; CERD/C/390 names no communication.
    expect(
      ohchrIds([
        item('CCPR/C/57/D/480/1991', '461/1991'),
        item('CCPR/C/57/D/480/1991', '480/1991'),
        item('CEDAW/C/57/D/34/2011', '034/2011', ''),
        item('CEDAW/C/57/D/34/2011', '034/2011'),
        item('CERD/C/390', '016/1999'),
        item('CERD/C/390', '006/1995'),
      ]),
    ).toEqual([
      'CCPR/C/57/D/480/1991#461/1991',
      'CCPR/C/57/D/480/1991',
      'CEDAW/C/57/D/34/2011',
      'CEDAW/C/57/D/34/2011',
      'CERD/C/390#16/1999',
      'CERD/C/390#6/1995',
    ]);
  });
});
