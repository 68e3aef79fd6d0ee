/**
 * Overlap detection on a small Brazil fixture (OP-CAT asked in English and French over two
 * cycles, CAT itself, an NHRI under two names, an unrelated ask): the links, REPEATS and clusters
 * it stores, and the GraphQL fields that show them.
 */
import { describe, expect, it } from 'vitest';
import { useOverlapFixture } from '../../helpers/overlaps.ts';

const { t, links } = useOverlapFixture();

describe('detection', () => {
  it('links the same ask across wording, language and cycle, and nothing else', async () => {
    const pairs = (await links()).map((l) => `${l.a}~${l.b}`);
    expect(pairs).toEqual([
      'OVTEST/1~OVTEST/2',
      'OVTEST/1~OVTEST/7',
      'OVTEST/2~OVTEST/7',
      'OVTEST/4~OVTEST/5',
    ]);
    const nhri = (await links()).find((l) => l.a === 'OVTEST/4')!;
    expect(nhri.signature).toContain('NHRI');
    expect((await links()).every((l) => l.status === 'SUGGESTED')).toBe(true);
  });

  it('stores REPEATS from the later cycle to the earlier one, and clusters per state', async () => {
    const repeats = await t.db.read<{ from: string; to: string; basis: string }>(
      `MATCH (l:Recommendation)-[x:REPEATS]->(e:Recommendation) WHERE l.id STARTS WITH 'OVTEST/'
       RETURN l.id AS from, e.id AS to, x.basis AS basis ORDER BY from, to`,
    );
    expect(repeats).toEqual([
      { from: 'OVTEST/2', to: 'OVTEST/1', basis: 'LATER_CYCLE' },
      { from: 'OVTEST/5', to: 'OVTEST/4', basis: 'LATER_CYCLE' },
      { from: 'OVTEST/7', to: 'OVTEST/1', basis: 'LATER_CYCLE' },
    ]);
    const clusters = await t.db.read<{ members: string[]; years: number[] }>(
      `MATCH (:State {iso3: 'BRA'})-[:HAS_OVERLAP_CLUSTER]->(c)-[:HAS_MEMBER]->(r) WHERE r.id STARTS WITH 'OVTEST/'
       WITH c, r ORDER BY r.id
       WITH c, collect(r.id) AS members
       RETURN members, c.years AS years ORDER BY members`,
    );
    expect(clusters).toEqual([
      { members: ['OVTEST/1', 'OVTEST/2', 'OVTEST/7'], years: [2008, 2012] },
      { members: ['OVTEST/4', 'OVTEST/5'], years: [2008, 2012] },
    ]);
  });

  it('answers Recommendation.overlaps, repeats and repeatedBy with evidence', async () => {
    const res = await t.execute<{
      recommendation: {
        overlaps: {
          recommendation: { stableId: string };
          kind: string;
          methods: string[];
          evidence: { sharedTerms: string[]; signature: string };
        }[];
        repeatedBy: { recommendation: { stableId: string }; basis: string }[];
      };
    }>(`{ recommendation(id: "OVTEST/1") {
          overlaps(minScore: 0.5, kinds: [SAME]) { recommendation { stableId } kind methods evidence { sharedTerms signature } }
          repeatedBy { recommendation { stableId } basis } } }`);
    expect(res.errors).toBeUndefined();
    const r = res.data!.recommendation;
    expect(r.overlaps.map((o) => o.recommendation.stableId).sort()).toEqual([
      'OVTEST/2',
      'OVTEST/7',
    ]);
    expect(r.overlaps[0]!.methods).toContain('SIGNATURE');
    expect(r.overlaps[0]!.evidence.sharedTerms).toContain('@opcat');
    expect(r.repeatedBy.map((x) => x.recommendation.stableId).sort()).toEqual([
      'OVTEST/2',
      'OVTEST/7',
    ]);
  });
});
