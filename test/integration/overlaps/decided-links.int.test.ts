/**
 * What detection stores on the demo data (docs/overlaps.md, "Hybrid decision"): only the links
 * the model decides (no weak suggestions under the threshold), each with the parts of its
 * evidence; clusters joined only through SAME-grade links; links across mechanisms carried by the
 * embedding where words differ.
 */
import { describe, expect, it } from 'vitest';
import { overlapModel } from '../../../src/features/overlaps/hybrid.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();
const lexicalOnly = process.env['RECGRAPH_EMBEDDINGS'] === 'off';

describe('the links detection stores', () => {
  it('are only those the model decides, each with the parts of its evidence', async () => {
    const model = overlapModel();
    const links = await t.db.read<{
      score: number;
      cosine: number | null;
      parts: number[] | null;
      methods: string[];
      clusters: boolean;
    }>(
      `MATCH (:Recommendation)-[o:OVERLAPS {status: 'SUGGESTED'}]->(:Recommendation)
       RETURN o.score AS score, o.cosine AS cosine, o.parts AS parts, o.methods AS methods,
              o.clusters AS clusters`,
    );
    expect(links.length).toBeGreaterThan(100);
    for (const link of links) {
      const variant = model.variants[link.cosine == null ? 'lexical' : 'hybrid'];
      expect(link.score).toBeGreaterThanOrEqual(variant.threshold - 0.0005);
      expect(link.parts).toHaveLength(3);
      expect(link.methods.length).toBeGreaterThan(0);
      if (link.clusters)
        expect(link.score).toBeGreaterThanOrEqual(variant.clusterThreshold - 0.0005);
    }
    if (!lexicalOnly) expect(links.filter((l) => l.cosine != null)).toHaveLength(links.length);
  });

  it('join clusters only through SAME-grade links', async () => {
    const loose = await t.db.read<{ id: string }>(
      `MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(r:Recommendation)
       WHERE NOT EXISTS {
         MATCH (c)-[:HAS_MEMBER]->(other:Recommendation)-[o:OVERLAPS]-(r)
         WHERE o.status = 'CONFIRMED' OR (o.status = 'SUGGESTED' AND o.clusters)
       }
       RETURN r.id AS id LIMIT 5`,
    );
    expect(loose).toEqual([]);
  });

  it.runIf(!lexicalOnly)(
    'link recommendations of different mechanisms through their meaning',
    async () => {
      const [row] = await t.db.read<{ crossMechanism: number; byEmbedding: number }>(
        `MATCH (a:Recommendation)-[o:OVERLAPS]->(b:Recommendation)
       WHERE a.mechanism <> b.mechanism
       RETURN count(o) AS crossMechanism,
              count(CASE WHEN 'EMBEDDING' IN o.methods THEN 1 END) AS byEmbedding`,
      );
      expect(row!.crossMechanism).toBeGreaterThan(50);
      expect(row!.byEmbedding).toBeGreaterThan(0);
    },
  );
});
