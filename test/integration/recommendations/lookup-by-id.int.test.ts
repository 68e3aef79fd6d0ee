/** One recommendation by its stable id or global ID, with its nested fields. */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

describe('a recommendation by id', () => {
  it('returns a recommendation by stable id with its nested fields', async () => {
    const result = await t.execute<{ recommendation: Record<string, unknown> }>(`{
      recommendation(id: "A/HRC/28/15#115.4") {
        id stableId text paragraph cycle session year response
        state { iso3 name } mechanism { code kind }
        document { symbol review }
        recommendingStates { iso3 }
        themes { scheme code label }
      }
    }`);
    expect(result.errors).toBeUndefined();
    expect(result.data!.recommendation).toEqual({
      id: 'Recommendation:A/HRC/28/15#115.4',
      stableId: 'A/HRC/28/15#115.4',
      text: 'Ratify the Optional Protocol to the Covenant on Economic, Social and Cultural Rights',
      paragraph: '115.4',
      cycle: 2,
      session: 20,
      year: 2014,
      response: 'SUPPORTED',
      state: { iso3: 'SVN', name: 'Slovenia' },
      mechanism: { code: 'UPR', kind: 'UPR' },
      document: { symbol: 'A/HRC/28/15', review: 'UPR/SVN/2' },
      recommendingStates: [{ iso3: 'ESP' }, { iso3: 'PRT' }, { iso3: 'TUN' }],
      themes: [{ scheme: 'UHRI_LEGACY', code: 'A12', label: 'Acceptance of international norms' }],
    });
  });

  it('returns null for an unknown recommendation, and resolves global IDs through node()', async () => {
    const result = await t.execute(`{
      missing: recommendation(id: "A/HRC/1/1#999") { stableId }
      byGlobal: recommendation(id: "Recommendation:A/HRC/28/15#115.4") { stableId }
      node(id: "State:SVN") { id ... on State { name } }
    }`);
    expect(result).toEqual({
      data: {
        missing: null,
        byGlobal: { stableId: 'A/HRC/28/15#115.4' },
        node: { id: 'State:SVN', name: 'Slovenia' },
      },
    });
  });
});
