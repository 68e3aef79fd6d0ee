/**
 * similarRecommendations with a Spanish text (docs/api.md#languages): the text's language is
 * guessed when not given, the text is analysed in it and each recommendation in its stored
 * language, candidates come from the Spanish index first, and an English recommendation asking
 * the same (the demo's Slovenia UPR texts) still comes through the treaty it names. Over real
 * texts (test/fixtures/languages): CLADEM's Spanish treaty-body and UPR excerpts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { FIXTURES, importScope, type Scope } from '../../helpers/imports.ts';

type Text = { key: string; text: string; language: string; state?: string };
const TEXTS = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, 'languages/texts.json'), 'utf8'),
) as Text[];
const text = (key: string) => TEXTS.find((x) => x.key === key)!;

const t = useTestApp();
let scope: Scope;
/** Stored: CEDAW's 2012 ask to Chile to ratify the Optional Protocol, and two others. */
const STORED = ['cedaw-chl-2012-52', 'cescr-col-2017-46b', 'sdg-5.2-en'];

beforeAll(async () => {
  scope = importScope();
  const lines = STORED.map((key, i) => {
    const x = text(key);
    return scope.ndjsonLine(i + 1, {
      text: x.text,
      language: x.language,
      paragraph: key,
      state: x.state ?? 'SVN',
    });
  });
  await runImport(t, { files: [scope.file('texts.ndjson', lines.join('\n') + '\n')] });
});
afterAll(() => scope.cleanup(t.db));

type Similar = {
  similarRecommendations: {
    score: number;
    recommendation: { stableId: string; paragraph: string | null; language: string | null };
    evidence: { sharedTerms: string[] };
  }[];
};
const SIMILAR = `query ($text: String!, $language: Language, $state: String) {
  similarRecommendations(text: $text, language: $language, state: $state, first: 50) {
    score recommendation { stableId paragraph language } evidence { sharedTerms } } }`;

async function similar(variables: Record<string, unknown>) {
  const result = await t.execute<Similar>(SIMILAR, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.similarRecommendations;
}

describe('similarity search with a Spanish text', () => {
  it('guesses Spanish, analyses both texts in Spanish and finds the earlier ask', async () => {
    // The query: CEDAW's 2018 ask, repeating the one of 2012.
    const query = text('cedaw-chl-2018-11').text;
    const guessed = await similar({ text: query });
    const spanish = await similar({ text: query, language: 'es' });
    expect(guessed).toEqual(spanish);
    const match = guessed.find((m) => m.recommendation.paragraph === 'cedaw-chl-2012-52');
    expect(match?.recommendation.language).toBe('es');
    // Spanish stems on both sides: "garantizados" and "facilitar" as the Spanish stemmer cuts them.
    expect(match!.evidence.sharedTerms).toEqual(expect.arrayContaining(['garantiz', 'facilit']));

    // Read as English, those words no longer meet the stored Spanish analysis.
    const english = await similar({ text: query, language: 'en' });
    const asEnglish = english.find((m) => m.recommendation.paragraph === 'cedaw-chl-2012-52');
    expect(asEnglish?.evidence.sharedTerms ?? []).not.toContain('garantiz');
    expect(asEnglish?.evidence.sharedTerms ?? []).not.toContain('facilit');
    expect(asEnglish?.score ?? 0).toBeLessThan(match!.score);
  });

  it('finds an English recommendation asking for the same treaty, across languages', async () => {
    // The query: Chile's 2014 UPR ask to ratify the optional protocols to CEDAW and the ICESCR;
    // the demo has Slovenia's English asks to ratify the one to the ICESCR.
    const found = await similar({ text: text('upr-chl-2014-121.2').text });
    const ids = found.map((m) => m.recommendation.stableId);
    expect(ids).toContain('A/HRC/28/15#115.4');
    const english = found.find((m) => m.recommendation.stableId === 'A/HRC/28/15#115.4')!;
    expect(english.recommendation.language).toBe('en');
    expect(english.evidence.sharedTerms).toContain('@icescr_op');
  });
});
