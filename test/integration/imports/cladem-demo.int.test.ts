/**
 * The demo's second dataset, CLADEM's corpus (demo/cladem): several mechanisms and two languages
 * for one state, CLADEM's licence and highlighting on every source record, its thematic index as
 * a theme scheme, and recommendations that meet across a treaty body and the UPR.
 */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

type Bucket = { keys: string[]; count: number };
interface Cited {
  language: string;
  text: string;
  context: { chapeau: string | null; concernParagraphs: string[] };
  sources: { dataset: string; licence: string; attribution: string; highlighted: boolean }[];
  document: {
    symbol: string;
    title: string;
    date: string | null;
    licence: string;
    paragraphs: { label: string; kind: string }[];
  };
}

describe('the CLADEM demo', () => {
  it('gives Peru recommendations from the treaty bodies, the UPR and MESECVI, and the graph two languages', async () => {
    const res = await t.execute<{ peru: Bucket[]; languages: Bucket[] }>(`{
      peru: recommendationStats(groupBy: [MECHANISM], filter: { states: ["PER"] }) { keys count }
      languages: recommendationStats(groupBy: [LANGUAGE]) { keys count }
    }`);
    expect(res.errors).toBeUndefined();
    const mechanisms = new Map(res.data!.peru.map((b) => [b.keys[0], b.count]));
    for (const code of ['CEDAW', 'CCPR', 'CESCR', 'CERD', 'CAT', 'CRC', 'UPR', 'MESECVI'])
      expect(mechanisms.get(code), code).toBeGreaterThan(0);
    const languages = new Map(res.data!.languages.map((b) => [b.keys[0], b.count]));
    expect(languages.get('es')).toBeGreaterThan(3000);
    expect(languages.get('en')).toBeGreaterThanOrEqual(632);
  });

  it("keeps CLADEM's licence, attribution and bold on the source records, and its index as themes", async () => {
    const res = await t.execute<{ recommendation: Cited }>(`{
      recommendation(id: "CEDAW/C/ARG/CO/7#9(a)") {
        language
        text
        context { chapeau concernParagraphs }
        sources { dataset licence attribution highlighted }
        document { symbol title date licence paragraphs { label kind } }
      }
    }`);
    expect(res.errors).toBeUndefined();
    const r = res.data!.recommendation;
    expect(r.language).toBe('es');
    expect(r.context).toEqual({
      chapeau: 'El Comité recomienda que el Estado parte:',
      concernParagraphs: ['8'],
    });
    expect(r.sources).toHaveLength(1);
    expect(r.sources[0]).toMatchObject({ dataset: 'cladem-2018', highlighted: true });
    expect(r.sources[0]!.licence).toContain('CC BY-SA 4.0');
    expect(r.sources[0]!.attribution).toContain('CLADEM');
    expect(r.document.symbol).toBe('CEDAW/C/ARG/CO/7');
    expect(r.document.licence).toContain('CC BY-SA 4.0');
    expect(r.document.title).toMatch(/^6º Observaciones finales sobre el séptimo informe/u);
    expect(r.document.paragraphs).toContainEqual({ label: '8', kind: 'CONCERN' });

    // Peru's thematic index lists paragraph 12 of CEDAW's sixth review under "Acceso a la justicia".
    const peru = await t.execute<{
      recommendation: { themes: { scheme: string; label: string }[] };
    }>(`{ recommendation(id: "CEDAW/C/PER/CO/7-8#12(a)") { themes { scheme label } } }`);
    expect(peru.data!.recommendation.themes).toContainEqual({
      scheme: 'CLADEM',
      label: 'Acceso a la justicia',
    });
  });

  it('finds overlap clusters that span a treaty body and the UPR, in Spanish', async () => {
    const res = await t.execute<{
      state: {
        overlapClusters: { totalCount: number; edges: { node: { mechanisms: string[] } }[] };
      };
    }>(`{
      state(iso3: "PER") { overlapClusters(minMechanisms: 2, first: 5) { totalCount edges { node { mechanisms } } } }
    }`);
    expect(res.errors).toBeUndefined();
    const clusters = res.data!.state.overlapClusters;
    expect(clusters.totalCount).toBeGreaterThan(0);
    expect(
      clusters.edges.some(
        (e) => e.node.mechanisms.includes('UPR') && e.node.mechanisms.some((m) => m !== 'UPR'),
      ),
    ).toBe(true);
  });
});
