/**
 * similarRecommendations across languages and as a user calls it (docs/api.md#similarity): the
 * `first` best by the hybrid score without a threshold, each saying whether detection would link
 * it and what carried the score; a Spanish text finds the English Slovenia recommendation it
 * translates, an English text the Spanish CLADEM ones; in lexical-only mode the cosine is absent
 * and the translation is not found.
 */
import { describe, expect, it } from 'vitest';
import { embedderStatus, setEmbedderForTesting } from '../../../src/features/embeddings/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

type Match = {
  score: number;
  overlaps: boolean;
  methods: string[];
  recommendation: { text: string; language: string; paragraph: string | null };
  evidence: {
    cosine: number | null;
    parts: { lexical: number; signature: number; embedding: number };
  };
};
const SIMILAR = `query ($text: String!, $state: String, $first: Int, $minScore: Float) {
  similarRecommendations(text: $text, state: $state, first: $first, minScore: $minScore) {
    score overlaps methods recommendation { text language paragraph }
    evidence { cosine parts { lexical signature embedding } } } }`;

async function similar(variables: Record<string, unknown>): Promise<Match[]> {
  const result = await t.execute<{ similarRecommendations: Match[] }>(SIMILAR, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.similarRecommendations;
}

/** A Spanish translation (ours) of Slovenia's 2nd-cycle recommendation 115.95. */
const ERASED_ES =
  'Promulgar una legislación integral que aborde la situación de los "borrados", garantizándoles la asistencia y la protección adecuadas';
/** An English paraphrase (ours) of CEDAW's 2016 ask to Argentina (CEDAW/C/ARG/CO/7, 25 b). */
const FEMICIDE_EN =
  'Improve the prevention of femicide and ensure that cases are investigated and perpetrators prosecuted and punished';

const lexicalOnly = process.env['RECGRAPH_EMBEDDINGS'] === 'off';

describe.runIf(!lexicalOnly)('with the embedding model', () => {
  it('finds the English recommendation a Spanish text translates, first', async () => {
    const found = await similar({ text: ERASED_ES, state: 'SVN' });
    expect(found).toHaveLength(10);
    expect(found[0]!.recommendation.language).toBe('en');
    expect(found[0]!.recommendation.text).toContain('“erased”');
    expect(found[0]!.overlaps).toBe(true);
    expect(found[0]!.methods).toContain('EMBEDDING');
    expect(found[0]!.evidence.cosine).toBeGreaterThan(0.5);
    // Best first.
    const scores = found.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('finds Spanish recommendations for an English text, and across all states', async () => {
    const inState = await similar({ text: FEMICIDE_EN, state: 'ARG', first: 5 });
    expect(inState).toHaveLength(5);
    expect(inState[0]!.recommendation.language).toBe('es');
    expect(inState[0]!.recommendation.text.toLowerCase()).toMatch(/femicidio|feminicidio/);
    // Across all states the vector index brings Spanish texts among the English ones.
    const anywhere = await similar({ text: FEMICIDE_EN, first: 10 });
    expect(anywhere.some((m) => m.recommendation.language === 'es')).toBe(true);
  });

  it('returns the first best whatever their score, and only those from minScore when asked', async () => {
    const all = await similar({ text: 'Improve prison conditions', state: 'SVN', first: 20 });
    expect(all).toHaveLength(20);
    expect(all.some((m) => !m.overlaps)).toBe(true);
    const floor = all[4]!.score;
    const strong = await similar({
      text: 'Improve prison conditions',
      state: 'SVN',
      first: 20,
      minScore: floor,
    });
    expect(strong.length).toBeGreaterThanOrEqual(5);
    expect(strong.every((m) => m.score >= floor)).toBe(true);
  });
});

describe('lexical-only mode', () => {
  it('ranks by the wording alone: no cosine, and the translation is not found', async () => {
    const before = embedderStatus();
    setEmbedderForTesting({ available: false, reason: 'test: lexical-only' });
    try {
      const found = await similar({ text: ERASED_ES, state: 'SVN' });
      expect(
        found.every((m) => m.evidence.cosine === null && m.evidence.parts.embedding === 0),
      ).toBe(true);
      expect(found.some((m) => m.recommendation.text.includes('“erased”') && m.overlaps)).toBe(
        false,
      );
      const english = await similar({
        text: 'Enact comprehensive legislation on the situation of the erased',
        state: 'SVN',
      });
      expect(english[0]!.recommendation.text).toContain('“erased”');
      expect(english[0]!.methods).toEqual(['LEXICAL']);
    } finally {
      setEmbedderForTesting(before);
    }
  });
});
