/**
 * Recommendations similar to a draft, in one state or across all, over the overlap fixture with
 * the later OP-CAT asks of the UPR (OVTEST/8) and CAT (OVTEST/9).
 */
import { describe, expect, it } from 'vitest';
import { LATER_OPCAT_ASKS, useOverlapFixture } from '../../helpers/overlaps.ts';

const { t } = useOverlapFixture(LATER_OPCAT_ASKS);

describe('similarity search through GraphQL', () => {
  it('finds recommendations similar to a draft, in one state or across all', async () => {
    type Similar = {
      similarRecommendations: {
        score: number;
        overlaps: boolean;
        kind: string;
        recommendation: { stableId: string };
        evidence: { sharedTerms: string[] };
      }[];
    };
    const inState = await t.execute<Similar>(
      `{ similarRecommendations(text: "Ratify promptly the Optional Protocol to the Convention against Torture", state: "bra", first: 10) {
          score overlaps kind recommendation { stableId } evidence { sharedTerms } } }`,
    );
    expect(inState.errors).toBeUndefined();
    const found = inState.data!.similarRecommendations;
    // The OP-CAT asks first; the others follow (the first 10 best, whatever their score),
    // marked as not overlapping.
    expect(
      found
        .filter((m) => m.overlaps)
        .map((m) => m.recommendation.stableId)
        .sort(),
    ).toEqual(['OVTEST/1', 'OVTEST/2', 'OVTEST/7', 'OVTEST/8', 'OVTEST/9']);
    expect(
      found
        .slice(0, 5)
        .map((m) => m.recommendation.stableId)
        .sort(),
    ).toEqual(['OVTEST/1', 'OVTEST/2', 'OVTEST/7', 'OVTEST/8', 'OVTEST/9']);
    expect(found.map((m) => m.score)).toEqual([...found.map((m) => m.score)].sort((x, y) => y - x));
    expect(found[0]!.evidence.sharedTerms).toContain('@opcat');

    // No state: the full-text index proposes candidates everywhere (here, the NHRI asks).
    const anywhere = await t.execute<Similar>(
      `{ similarRecommendations(text: "Create an independent national human rights institution in line with the Paris Principles") {
          recommendation { stableId } } }`,
    );
    expect(anywhere.errors).toBeUndefined();
    const ids = anywhere.data!.similarRecommendations.map((m) => m.recommendation.stableId);
    expect(ids).toEqual(expect.arrayContaining(['OVTEST/4', 'OVTEST/5']));
    expect(ids).not.toContain('OVTEST/6');

    const bad = await t.execute(`{ similarRecommendations(text: "  ") { score } }`);
    expect(bad.errors?.[0]?.message).toMatch(/text/);
  });
});
