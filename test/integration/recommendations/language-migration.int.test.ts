/**
 * V0012 brings recommendations written before per-language search up to date: a guessed
 * language where there was none, and the label of the text's language, so that the search finds
 * them in their language's index (docs/graph-model.md#full-text-search). Over real texts
 * (test/fixtures/languages), written as an older import left them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { languageMigration } from '../../../src/features/recommendations/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { uniqueId } from '../../helpers/factories.ts';
import { FIXTURES } from '../../helpers/imports.ts';

type Text = { key: string; text: string; language: string };
const TEXTS = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, 'languages/texts.json'), 'utf8'),
) as Text[];
const text = (key: string) => TEXTS.find((x) => x.key === key)!.text;

const t = useTestApp();
const mechanism = uniqueId('LANGMIG')
  .replace(/[^A-Za-z0-9]/g, '')
  .toUpperCase();

afterAll(async () => {
  await t.db.write('MATCH (r:Recommendation {mechanism: $mechanism}) DETACH DELETE r', {
    mechanism,
  });
});

describe('V0012 (languages and language labels)', () => {
  it('guesses missing languages, labels each text by language and queues re-analysis', async () => {
    // arrange: as imported before V0011: no labels, UHRI rows without a language
    const rows = [
      { key: 'es-none', text: text('cescr-col-2017-46b'), language: null },
      { key: 'en-none', text: text('sdg-5.2-en'), language: null },
      { key: 'fr-stated', text: text('sdg-5.2-fr'), language: 'fr' },
      { key: 'ru-stated', text: text('sdg-5.2-ru'), language: 'ru' },
    ];
    await t.db.write(
      `UNWIND $rows AS row
       CREATE (:Recommendation {id: $mechanism + '#' + row.key, mechanism: $mechanism, state: 'SVN',
         paragraph: row.key, text: row.text, language: row.language, overlapDetector: 'overlaps-4'})`,
      { rows, mechanism },
    );

    await t.db.transaction((tx) => languageMigration.apply(tx));

    const stored = await t.db.read<{
      key: string;
      language: string | null;
      labels: string[];
      detector: string;
    }>(
      `MATCH (r:Recommendation {mechanism: $mechanism})
       RETURN r.paragraph AS key, r.language AS language, r.overlapDetector AS detector,
              [l IN labels(r) WHERE l <> 'Recommendation'] AS labels
       ORDER BY key`,
      { mechanism },
    );
    expect(stored).toEqual([
      // English was how its words were analysed before: no need to compare it again.
      { key: 'en-none', language: 'en', labels: ['TextEn'], detector: 'overlaps-4' },
      { key: 'es-none', language: 'es', labels: ['TextEs'], detector: '' },
      { key: 'fr-stated', language: 'fr', labels: ['TextFr'], detector: 'overlaps-4' },
      { key: 'ru-stated', language: 'ru', labels: [], detector: 'overlaps-4' },
    ]);

    // The Spanish text is now found by its Spanish stems.
    const found = await t.execute<{
      recommendations: { edges: { node: { paragraph: string } }[] };
    }>(
      `query ($m: [String!]) { recommendations(filter: {mechanisms: $m, text: "mujeres"}) {
         edges { node { paragraph } } } }`,
      { m: [mechanism] },
    );
    expect(found.data!.recommendations.edges.map((e) => e.node.paragraph)).toEqual(['es-none']);

    // Idempotent: a second run changes nothing.
    await t.db.transaction((tx) => languageMigration.apply(tx));
    const again = await t.db.read(
      `MATCH (r:Recommendation {mechanism: $mechanism})
       RETURN r.paragraph AS key, r.language AS language, r.overlapDetector AS detector,
              [l IN labels(r) WHERE l <> 'Recommendation'] AS labels
       ORDER BY key`,
      { mechanism },
    );
    expect(again).toEqual(stored);
  });
});
