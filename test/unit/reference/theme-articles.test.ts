/** The theme-to-treaty-article crosswalk in reference/theme-articles.csv is well formed. */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { slug } from '../../../src/features/imports/recommendation-record.ts';

interface Row {
  scheme: string;
  code: string;
  label: string;
  articles: string;
  basis: string;
}

const file = new URL('../../../reference/theme-articles.csv', import.meta.url);
const text = readFileSync(file, 'utf8');
const rows = parse<Row>(text, { columns: true, skip_empty_lines: true });

const SCHEMES = ['UHRI', 'UHRI_LEGACY', 'CLADEM'];
const ARTICLE =
  /^(CCPR|CESCR|CEDAW|CERD|CAT|CRC|CRPD|CMW|CED|BDP|ACHR|ECHR|IC|OPCCPR|OP2CCPR|OPCEDAW|OPCAT|OPSC|OPAC|OPIC)-(P\d+-)?\d+[a-z]?(-[0-9a-z]+)*$/;
/** The last article of each treaty; a code beyond it is a typo. */
const LAST_ARTICLE: Record<string, number> = {
  CCPR: 53,
  CESCR: 31,
  CEDAW: 30,
  CERD: 25,
  CAT: 33,
  CRC: 54,
  CRPD: 50,
  CMW: 93,
  CED: 45,
  ACHR: 82,
  BDP: 25,
  ECHR: 59,
  IC: 81,
};

const articlesOf = (row: Row) => row.articles.split(';');
/** Instrument and article ("CEDAW-16-1-e" → "CEDAW-16", "ECHR-P1-2" → "ECHR-P1-2"): the matching level. */
const articleLevel = (code: string) => /^[A-Z0-9]+-(P\d+-)?\d+[a-z]?/.exec(code)![0];

describe('theme-to-treaty-article crosswalk (reference/theme-articles.csv)', () => {
  it('has the documented header and at least one mapped theme per scheme', () => {
    expect(text.split('\n')[0]).toBe('scheme,code,label,articles,basis');
    for (const scheme of SCHEMES) expect(rows.some((r) => r.scheme === scheme)).toBe(true);
  });

  it('gives every row a known scheme, a code, a label, articles and a short basis', () => {
    for (const row of rows) {
      expect(SCHEMES, row.code).toContain(row.scheme);
      expect(row.code.trim(), JSON.stringify(row)).not.toBe('');
      expect(row.label.trim(), row.code).not.toBe('');
      expect(row.articles.trim(), row.code).not.toBe('');
      expect(row.basis.trim(), row.code).not.toBe('');
      expect(row.basis.length, row.code).toBeLessThanOrEqual(120);
    }
  });

  it('codes UHRI and CLADEM themes as the slug of their label, legacy themes as letter + digits', () => {
    for (const row of rows) {
      if (row.scheme === 'UHRI_LEGACY') expect(row.code).toMatch(/^[A-Z]\d{1,2}$/);
      else expect(row.code, row.label).toBe(slug(row.label));
    }
  });

  it('lists each theme once, sorted by scheme then code', () => {
    const keys = rows.map((r) => `${r.scheme} ${r.code}`);
    expect(new Set(keys).size).toBe(keys.length);
    const byCodeUnits = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    const sorted = [...rows].sort(
      (a, b) => byCodeUnits(a.scheme, b.scheme) || byCodeUnits(a.code, b.code),
    );
    expect(keys).toEqual(sorted.map((r) => `${r.scheme} ${r.code}`));
  });

  it('writes every article as INSTRUMENT-article[-paragraph[-sub]]', () => {
    for (const row of rows)
      for (const article of articlesOf(row)) expect(article, row.code).toMatch(ARTICLE);
  });

  it('names no article twice in a row, even as two paragraphs of one article', () => {
    for (const row of rows) {
      const level = articlesOf(row).map(articleLevel);
      expect(new Set(level).size, `${row.scheme} ${row.code}: ${row.articles}`).toBe(level.length);
    }
  });

  it('cites no article number beyond the last article of its treaty', () => {
    for (const row of rows)
      for (const article of articlesOf(row)) {
        const [, instrument, protocol, number] = /^([A-Z0-9]+)-(P\d+-)?(\d+)/.exec(article)!;
        const last = LAST_ARTICLE[instrument!];
        expect(Number(number), `${row.code}: ${article}`).toBeGreaterThanOrEqual(1);
        if (last !== undefined && !protocol)
          expect(Number(number), `${row.code}: ${article}`).toBeLessThanOrEqual(last);
      }
  });

  it('maps the anchor themes to their core guarantees', () => {
    const articles = (scheme: string, code: string) =>
      articlesOf(rows.find((r) => r.scheme === scheme && r.code === code)!);
    expect(articles('UHRI', 'prohibition-of-torture-cruel-inhuman-or-degrading-treatment')).toEqual(
      expect.arrayContaining(['CCPR-7', 'CAT-1', 'CAT-2', 'CAT-16', 'ECHR-3', 'ACHR-5']),
    );
    expect(articles('UHRI_LEGACY', 'D43')).toEqual(
      expect.arrayContaining(['CCPR-19', 'ECHR-10', 'ACHR-13']),
    );
    expect(articles('CLADEM', 'derecho-a-vivir-una-vida-sin-violencia')).toEqual(
      expect.arrayContaining(['CEDAW-2', 'CEDAW-5', 'BDP-7', 'IC-5', 'ECHR-3']),
    );
  });

  it('leaves process themes (treaty-body cooperation, NHRI, ratification, budget) unmapped', () => {
    const codes = new Set(rows.map((r) => `${r.scheme} ${r.code}`));
    for (const key of [
      'UHRI_LEGACY A22',
      'UHRI national-human-rights-institution-nhri',
      'UHRI ratification-of-accession-to-international-instruments',
      'UHRI budget-resources-for-human-rights-implementation',
      'CLADEM pedido-de-mayor-informacion',
    ])
      expect(codes.has(key), key).toBe(false);
  });
});
