/**
 * The pure parts of the decision importers: article codes, HUDOC conclusions and titles, OHCHR
 * dates and the ids of items that share a symbol. Inputs follow the forms of the real files
 * (../shared/data/ohchr-juris-decisions, ../shared/data/echr-hudoc-metadata); names and numbers
 * are invented, as in test/fixtures/jurisprudence/decisions.
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
    expect(parseArticleCode('OPCCPR-5-2-b')).toEqual({
      ok: true,
      article: {
        code: 'OPCCPR-5-2-b',
        instrument: 'OPCCPR',
        article: '5',
        paragraph: '2',
        subparagraph: 'b',
      },
    });
    expect(parseArticleCode('CAT-3')).toMatchObject({
      article: { code: 'CAT-3', paragraph: null, subparagraph: null },
    });
    expect(parseArticleCode('ECHR-P1-1')).toEqual({
      ok: true,
      article: {
        code: 'ECHR-P1-1',
        instrument: 'ECHR-P1',
        article: '1',
        paragraph: null,
        subparagraph: null,
      },
    });
  });

  it('accepts every optional protocol by its own code, without a note', () => {
    for (const [code, instrument] of [
      ['OPCCPR-1', 'OPCCPR'],
      ['OP2CCPR-1', 'OP2CCPR'],
      ['OPCESCR-2', 'OPCESCR'],
      ['OPCEDAW-4-2-c', 'OPCEDAW'],
      ['OPCAT-18', 'OPCAT'],
      ['OPCRPD-2', 'OPCRPD'],
      ['OPIC-7-e', 'OPIC'],
      ['OPSC-3-1-a', 'OPSC'],
      ['OPAC-4', 'OPAC'],
    ] as const) {
      const parsed = parseArticleCode(code);
      expect(parsed, code).toMatchObject({ ok: true, article: { code, instrument } });
      expect(parsed, code).not.toHaveProperty('note');
    }
  });

  it("reads OHCHR's protocol codes as the canonical ones, and says so", () => {
    expect(parseArticleCode('CCPR-OP-5-2-b')).toEqual({
      ok: true,
      article: {
        code: 'OPCCPR-5-2-b',
        instrument: 'OPCCPR',
        article: '5',
        paragraph: '2',
        subparagraph: 'b',
      },
      note: 'article code CCPR-OP-5-2-b read as OPCCPR-5-2-b',
    });
    for (const [written, code, instrument] of [
      ['CCPR-OP1-2', 'OPCCPR-2', 'OPCCPR'],
      ['CCPR-OP2-1', 'OP2CCPR-1', 'OP2CCPR'],
      ['CEDAW-OP-2-e', 'OPCEDAW-2-e', 'OPCEDAW'],
      ['CAT-OP-18', 'OPCAT-18', 'OPCAT'],
      ['CESCR-OP-3-1', 'OPCESCR-3-1', 'OPCESCR'],
      ['CRPD-OP-2-d', 'OPCRPD-2-d', 'OPCRPD'],
      ['CRC-OP-7-e', 'OPIC-7-e', 'OPIC'],
      ['ccpr-op-3', 'OPCCPR-3', 'OPCCPR'],
    ] as const) {
      expect(parseArticleCode(written), written).toMatchObject({
        ok: true,
        article: { code, instrument },
        note: `article code ${written} read as ${code}`,
      });
    }
  });

  it('accepts the regional treaties the citation extractor names: BDP, ACHR, IC', () => {
    expect(parseArticleCode('BDP-7-b')).toEqual({
      ok: true,
      article: {
        code: 'BDP-7-b',
        instrument: 'BDP',
        article: '7',
        paragraph: 'b',
        subparagraph: null,
      },
    });
    expect(parseArticleCode('ACHR-8-1')).toEqual({
      ok: true,
      article: {
        code: 'ACHR-8-1',
        instrument: 'ACHR',
        article: '8',
        paragraph: '1',
        subparagraph: null,
      },
    });
    expect(parseArticleCode('IC-5-2')).toMatchObject({
      ok: true,
      article: { code: 'IC-5-2', instrument: 'IC', article: '5', paragraph: '2' },
    });
    expect(parseArticleCode('achr-25')).toMatchObject({
      article: { code: 'ACHR-25', instrument: 'ACHR' },
      note: 'article code achr-25 read as ACHR-25',
    });
  });

  it('normalises the case of sub-paragraph letters, and says so', () => {
    expect(parseArticleCode('CEDAW-OP-4-2-C')).toMatchObject({
      ok: true,
      article: { code: 'OPCEDAW-4-2-c', instrument: 'OPCEDAW', subparagraph: 'c' },
      note: 'article code CEDAW-OP-4-2-C read as OPCEDAW-4-2-c',
    });
    expect(parseArticleCode('OPCEDAW-4-2-C')).toMatchObject({
      ok: true,
      article: { code: 'OPCEDAW-4-2-c' },
      note: 'article code OPCEDAW-4-2-C read as OPCEDAW-4-2-c',
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
    expect(parseArticleCode('OPCEDWA-2')).toEqual({
      ok: false,
      reason: 'article code "OPCEDWA-2" names no known treaty (closest: OPCEDAW, OPCESCR)',
    });
    // A protocol the treaty does not have, or one OHCHR's form cannot tell (the CRC has three).
    expect(parseArticleCode('CERD-OP-1')).toEqual({
      ok: false,
      reason: 'article code "CERD-OP-1" names no known protocol of CERD',
    });
    expect(parseArticleCode('CRC-OP2-1')).toEqual({
      ok: false,
      reason: 'article code "CRC-OP2-1" names no known protocol of CRC (known: CRC-OP for OPIC)',
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
    expect(respondentsOfTitle('CASE OF EXEMPLUM MEDIA SLOVAKIA; A.S. v. SLOVAKIA (No. 4)')).toEqual(
      ['SLOVAKIA'],
    );
    expect(respondentsOfTitle('AFFAIRE K.L. c. SLOVAQUIE [Extraits]')).toEqual(['SLOVAQUIE']);
    expect(
      respondentsOfTitle(
        'CASE OF K.L. v. SLOVAKIA - [German Translation] summary by the Austrian Institute for Human Rights (ÖIM)',
      ),
    ).toEqual(['SLOVAKIA']);
    expect(respondentsOfTitle('CASE OF U.V. v. SLOVAKIA AND UKRAINE')).toEqual([
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
    // CCPR/C/57/D/9480/1991 is on 9480/1991 and, by mistake, on 9461/1991; CERD/C/9390 (a
    // compilation) names no communication.
    expect(
      ohchrIds([
        item('CCPR/C/57/D/9480/1991', '9461/1991'),
        item('CCPR/C/57/D/9480/1991', '9480/1991'),
        item('CEDAW/C/57/D/93/2011', '093/2011', ''),
        item('CEDAW/C/57/D/93/2011', '093/2011'),
        item('CERD/C/9390', '091/1999'),
        item('CERD/C/9390', '087/1995'),
      ]),
    ).toEqual([
      'CCPR/C/57/D/9480/1991#9461/1991',
      'CCPR/C/57/D/9480/1991',
      'CEDAW/C/57/D/93/2011',
      'CEDAW/C/57/D/93/2011',
      'CERD/C/9390#91/1999',
      'CERD/C/9390#87/1995',
    ]);
  });
});
