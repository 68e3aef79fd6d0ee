/**
 * Text vectors in the graph (docs/embeddings.md): every demo recommendation has its vector from
 * the model, served by the native vector index across languages; a text seen before is not
 * embedded again; a reworded recommendation waits for a new vector; lexical-only mode leaves the
 * graph as it is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  embedderStatus,
  embedPending,
  EMBEDDING_DIMENSIONS,
  EMBEDDING_MODEL,
  setEmbedderForTesting,
} from '../../../src/features/embeddings/index.ts';
import { runImport } from '../../../src/features/imports/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { importScope, type Scope } from '../../helpers/imports.ts';

const t = useTestApp();
let scope: Scope;
beforeAll(() => {
  scope = importScope();
});
afterAll(() => scope.cleanup(t.db));

const lexicalOnly = process.env['RECGRAPH_EMBEDDINGS'] === 'off';

describe.runIf(!lexicalOnly)('with the embedding model', () => {
  it('gives every demo recommendation its vector, and the vector index answers across languages', async () => {
    expect(embedderStatus().available).toBe(true);
    const [counts] = await t.db.read<{ all: number; embedded: number; dims: number[] }>(
      `MATCH (r:Recommendation)
       RETURN count(r) AS all, count(CASE WHEN r.embeddingModel = $model THEN 1 END) AS embedded,
              collect(DISTINCT size(r.embedding)) AS dims`,
      { model: EMBEDDING_MODEL },
    );
    expect(counts!.all).toBeGreaterThan(4000);
    expect(counts!.embedded).toBe(counts!.all);
    expect(counts!.dims).toEqual([EMBEDDING_DIMENSIONS]);
    // An English Slovenia recommendation's nearest neighbours include Spanish CLADEM texts.
    const near = await t.db.read<{ language: string }>(
      `MATCH (r:Recommendation {state: 'SVN'}) WHERE r.text CONTAINS 'Istanbul Convention'
       WITH r LIMIT 1
       CALL db.index.vector.queryNodes('recommendation_embedding', 50, r.embedding) YIELD node
       RETURN node.language AS language`,
    );
    expect(new Set(near.map((n) => n.language))).toEqual(new Set(['en', 'es']));
  });

  it('embeds a new text once, reuses a known one, and embeds a reworded one again', async () => {
    const demoText = (
      await t.db.read<{ text: string }>(
        `MATCH (r:Recommendation {state: 'SVN'}) RETURN r.text AS text ORDER BY r.id LIMIT 1`,
      )
    )[0]!.text;
    const file = scope.file(
      'vectors.ndjson',
      [
        scope.ndjsonLine(1, { text: demoText, state: 'SVN' }),
        // Unique to this run: the machine's vector cache outlives test stores.
        scope.ndjsonLine(2, {
          text: `Establish a register of the vectors of ${scope.mechanism}`,
          state: 'SVN',
        }),
      ].join('\n') + '\n',
    );
    await runImport(t, { files: [file] });
    const first = await embedPending(t);
    expect(first).toMatchObject({ available: true, recommendations: 2, embedded: 1, reused: 1 });
    expect(await embedPending(t)).toMatchObject({ recommendations: 0, embedded: 0 });

    const reworded = scope.file(
      'reworded.ndjson',
      scope.ndjsonLine(2, {
        text: `Establish a public register of the vectors of ${scope.mechanism}`,
        state: 'SVN',
      }) + '\n',
    );
    await runImport(t, { files: [reworded] });
    const [pending] = await t.db.read<{ model: string; key: string }>(
      `MATCH (r:Recommendation)-[:ISSUED_BY]->(:Mechanism {code: $mechanism})
       WHERE r.text STARTS WITH 'Establish a public register'
       RETURN r.embeddingModel AS model, r.embeddingKey AS key`,
      { mechanism: scope.mechanism },
    );
    expect(pending!.model).toBe('');
    expect(await embedPending(t)).toMatchObject({ recommendations: 1, embedded: 1 });
  });
});

describe('lexical-only mode', () => {
  it('embeds nothing and leaves waiting recommendations waiting', async () => {
    const file = scope.file(
      'lexical.ndjson',
      scope.ndjsonLine(3, { text: 'Adopt a law on the vectors of texts', state: 'HRV' }) + '\n',
    );
    const before = embedderStatus();
    setEmbedderForTesting({ available: false, reason: 'test: lexical-only' });
    try {
      await runImport(t, { files: [file] });
      expect(await embedPending(t)).toMatchObject({ available: false, recommendations: 0 });
      const [row] = await t.db.read<{ model: string; vector: number[] | null }>(
        `MATCH (r:Recommendation) WHERE r.text = 'Adopt a law on the vectors of texts'
         RETURN r.embeddingModel AS model, r.embedding AS vector`,
      );
      expect(row).toEqual({ model: '', vector: null });
    } finally {
      setEmbedderForTesting(before);
    }
  });
});
