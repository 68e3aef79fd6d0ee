/**
 * A document imported as a document: its paragraphs and sub-items become recommendations with
 * their official numbering, language and context (chapeau, concern), the other units become
 * paragraphs of the document; Markdown and Word alike.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { documentScopes } from '../../helpers/documents.ts';

const t = useTestApp();
const newScope = documentScopes(t);

interface Read {
  stableId: string;
  text: string;
  language: string;
  paragraph: string;
  mechanism: { code: string };
  state: { iso3: string };
  context: { chapeau: string | null; concern: string | null; concernParagraphs: string[] };
  sources: { dataset: string; sourceId: string; highlighted: boolean | null }[];
  document: { symbol: string; language: string; paragraphs: { label: string; kind: string }[] };
}

const RECOMMENDATION = `query ($id: ID!) {
  recommendation(id: $id) {
    stableId text language paragraph mechanism { code } state { iso3 }
    context { chapeau concern concernParagraphs preamble headings }
    sources { dataset sourceId highlighted }
    document { symbol title language kind paragraphs { label kind text } }
  }
}`;

describe('a document split into recommendations', () => {
  it('gives sub-items ids {symbol}#{paragraph}(letter), with their chapeau and the concern they answer as context', async () => {
    const scope = newScope();
    const symbol = `CEDAW/C/ARG/CO/7${scope.tag}`;
    const summary = await scope.import([scope.file('cladem-arg-cedaw-7.md')], {
      mechanism: 'CEDAW',
      state: 'ARG',
      symbol,
      date: '2016-11-25',
      language: 'es',
      title: 'Observaciones finales sobre el séptimo informe periódico de la Argentina',
    });
    expect(summary.documents[0]).toMatchObject({ units: 28, created: 13 });
    expect(summary.documents[0]!.byKind).toMatchObject({
      RECOMMENDATION: 13,
      CONCERN: 8,
      CHAPEAU: 5,
    });

    const res = await t.execute<{ recommendation: Read }>(RECOMMENDATION, {
      id: `${symbol}#9(a)`,
    });
    expect(res.errors).toBeUndefined();
    const r = res.data!.recommendation;
    expect(r).toMatchObject({
      stableId: `${symbol}#9(a)`,
      language: 'es',
      paragraph: '9(a)',
      mechanism: { code: 'CEDAW' },
      state: { iso3: 'ARG' },
    });
    expect(r.text).toMatch(
      /^Adopte las medidas necesarias para garantizar la adecuada divulgación/u,
    );
    expect(r.context).toMatchObject({
      chapeau: 'El Comité recomienda que el Estado parte:',
      concernParagraphs: ['8'],
    });
    expect(r.context.concern).toMatch(/^El Comité observa que la Convención tiene prioridad/u);
    expect(r.sources).toEqual([
      { dataset: 'document', sourceId: `${symbol}#9(a)`, highlighted: null },
    ]);
    const paragraphs = new Map(r.document.paragraphs.map((p) => [p.label, p]));
    expect(r.document).toMatchObject({ symbol, language: 'es' });
    expect(paragraphs.get('8')?.kind).toBe('CONCERN');
    expect(paragraphs.get('9')?.kind).toBe('CHAPEAU');
    expect(paragraphs.has('9(a)')).toBe(false);
  });

  it('reads a Word file: headings, paragraphs and UPR items with their recommending states', async () => {
    const scope = newScope();
    const symbol = `A/HRC/28/15${scope.tag}`;
    const summary = await scope.import([scope.file('slovenia-A_HRC_28_15.docx')], {
      mechanism: 'UPR',
      state: 'SVN',
      symbol,
      date: '2015-03',
      language: 'en',
    });
    expect(summary.documents[0]).toMatchObject({ units: 12, created: 12 });
    const res = await t.execute<{
      recommendation: {
        text: string;
        recommendingStates: { iso3: string }[];
        context: { headings: string[] };
      };
    }>(
      `query ($id: ID!) { recommendation(id: $id) { text recommendingStates { iso3 } context { headings } } }`,
      { id: `${symbol}#115.3` },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.recommendation).toMatchObject({
      text: 'Ratify the Optional Protocol to the Rights of the Child on a communications procedure (Portugal, Slovakia);',
      context: { headings: ['II. Conclusions and/or recommendations'] },
    });
    expect(
      res.data!.recommendation['recommendingStates'].map((s: { iso3: string }) => s.iso3).sort(),
    ).toEqual(['PRT', 'SVK']);
  });
});
