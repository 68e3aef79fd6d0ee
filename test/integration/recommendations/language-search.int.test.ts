/**
 * Text search analyses each language in its own right (docs/api.md#languages): Spanish, French
 * and English stems, the `languages` filter with and without a text, a language with no analyzer
 * of its own, counts by LANGUAGE, and an import that changes a text's language. Over real texts
 * (test/fixtures/languages), imported under a mechanism of this file's own.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { FIXTURES, importScope, type Scope } from '../../helpers/imports.ts';

type Text = { key: string; text: string; language: string };
const TEXTS = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, 'languages/texts.json'), 'utf8'),
) as Text[];

const t = useTestApp();
let scope: Scope;

/** One NDJSON line per fixture text; the paragraph is the text's key. */
const lineOf = (text: Text, overrides: Record<string, unknown> = {}) =>
  scope.ndjsonLine(TEXTS.indexOf(text) + 1, {
    text: text.text,
    language: text.language,
    paragraph: text.key,
    ...overrides,
  });

beforeAll(async () => {
  scope = importScope();
  const file = scope.file('texts.ndjson', TEXTS.map((x) => lineOf(x)).join('\n') + '\n');
  expect(await runImport(t, { files: [file] })).toMatchObject({ created: TEXTS.length });
});
afterAll(() => scope.cleanup(t.db));

/** The keys (paragraphs) of this file's recommendations matching `filter`, sorted. */
async function keys(filter: Record<string, unknown>): Promise<string[]> {
  const result = await t.execute<{
    recommendations: { edges: { node: { paragraph: string } }[] };
  }>(
    'query ($f: RecommendationFilter) { recommendations(filter: $f, first: 100) { edges { node { paragraph } } } }',
    { f: { ...filter, mechanisms: [scope.mechanism] } },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.recommendations.edges.map((e) => e.node.paragraph).sort();
}

/** The same search in the standard-analyzer index alone: what search found before V0011. */
async function standardOnly(query: string): Promise<number> {
  const [row] = await t.db.read<{ n: number }>(
    `CALL db.index.fulltext.queryNodes('recommendation_text', $query) YIELD node
     WHERE node.mechanism = $mechanism RETURN count(node) AS n`,
    { query, mechanism: scope.mechanism },
  );
  return row!.n;
}

describe('text search in each language', () => {
  it('stems Spanish: a plural finds the singular, and a phrase skips its stop words', async () => {
    expect(await keys({ text: 'mujeres' })).toEqual(['cescr-col-2017-46b', 'upr-chl-2014-121.2']);
    expect(await standardOnly('mujeres')).toBe(0);
    expect(await keys({ text: '"violencia contra las mujeres"' })).toEqual(['cescr-col-2017-46b']);
    expect(await standardOnly('"violencia contra las mujeres"')).toBe(0);
    // Accents and plurals: "ratificación" in both CEDAW texts.
    expect(await keys({ text: 'ratificaciones' })).toEqual([
      'cedaw-chl-2012-52',
      'cedaw-chl-2018-11',
    ]);
  });

  it('stems French and English texts with their own analyzers', async () => {
    expect(await keys({ text: '"violences faites aux femmes"' })).toEqual(['sdg-5.2-fr']);
    // The fixture writes "É" as E and U+0301; the import composes it, so both spellings match.
    expect(await keys({ text: 'éliminer', languages: ['fr'] })).toEqual(['sdg-5.2-fr']);
    expect(await keys({ text: 'eliminer', languages: ['fr'] })).toEqual(['sdg-5.2-fr']);
    expect(await standardOnly('violences')).toBe(0);
    expect(await keys({ text: 'girl AND trafficked' })).toEqual(['sdg-5.2-en']);
    expect(await standardOnly('girl')).toBe(0);
  });

  it('finds a text in a language without an analyzer of its own in the standard index', async () => {
    expect(await keys({ text: 'женщин' })).toEqual(['sdg-5.2-ru']);
    expect(await keys({ text: 'женщин', languages: ['ru'] })).toEqual(['sdg-5.2-ru']);
    expect(await keys({ text: 'женщин', languages: ['es', 'fr'] })).toEqual([]);
  });
});

describe('the languages filter', () => {
  it('keeps the texts in the given languages, with or without a text search', async () => {
    const spanish = TEXTS.filter((x) => x.language === 'es')
      .map((x) => x.key)
      .sort();
    expect(await keys({ languages: ['es'] })).toEqual(spanish);
    expect(await keys({ languages: ['FR', 'ru'] })).toEqual(['sdg-5.2-fr', 'sdg-5.2-ru']);
    expect(await keys({ languages: ['pt'] })).toEqual([]);
    // "violence": the English and French stems of the query both match their own texts.
    expect(await keys({ text: 'violence' })).toEqual(['sdg-5.2-en', 'sdg-5.2-fr']);
    expect(await keys({ text: 'violence', languages: ['en'] })).toEqual(['sdg-5.2-en']);
    expect(await keys({ text: 'mujer', languages: ['en', 'fr'] })).toEqual([]);
  });

  it('rejects a code that is not an ISO 639-1 language', async () => {
    for (const code of ['xx', 'spa', 'e']) {
      const result = await t.execute(
        'query ($l: [String!]) { recommendations(filter: {languages: $l}) { totalCount } }',
        { l: [code] },
      );
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'filter.languages',
      });
    }
  });

  it('counts recommendations by LANGUAGE', async () => {
    const result = await t.execute<{ recommendationStats: { keys: string[]; count: number }[] }>(
      'query ($m: [String!]) { recommendationStats(filter: {mechanisms: $m}, groupBy: [LANGUAGE]) { keys count } }',
      { m: [scope.mechanism] },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.recommendationStats).toEqual([
      { keys: ['es'], count: 4 },
      { keys: ['en'], count: 1 },
      { keys: ['fr'], count: 1 },
      { keys: ['ru'], count: 1 },
    ]);
  });
});

describe('the language labels the imports write', () => {
  it('puts each text in its language index only, and moves it when its language changes', async () => {
    const labelsOf = async (key: string) => {
      const [row] = await t.db.read<{ labels: string[] }>(
        `MATCH (r:Recommendation {mechanism: $mechanism, paragraph: $key})
         RETURN [l IN labels(r) WHERE l <> 'Recommendation'] AS labels`,
        { mechanism: scope.mechanism, key },
      );
      return row!.labels;
    };
    expect(await labelsOf('cescr-col-2017-46b')).toEqual(['TextEs']);
    expect(await labelsOf('sdg-5.2-ru')).toEqual([]);

    // arrange: the English text said to be French, then its language corrected
    const english = TEXTS.find((x) => x.key === 'sdg-5.2-en')!;
    await runImport(t, {
      files: [scope.file('wrong.ndjson', lineOf(english, { language: 'fr' }) + '\n')],
    });
    expect(await labelsOf('sdg-5.2-en')).toEqual(['TextFr']);
    // The French analyzer does not take "trafficked" and "trafficking" for one word.
    expect(await keys({ text: 'trafficked' })).toEqual([]);
    await runImport(t, { files: [scope.file('right.ndjson', lineOf(english) + '\n')] });
    expect(await labelsOf('sdg-5.2-en')).toEqual(['TextEn']);
    expect(await keys({ text: 'trafficked' })).toEqual(['sdg-5.2-en']);
    expect(await keys({ text: 'trafficked', languages: ['fr'] })).toEqual([]);
  });
});
