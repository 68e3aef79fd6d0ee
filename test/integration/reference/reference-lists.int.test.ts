/** The reference data the bootstrap loads: states, mechanisms, themes, SDG goals and targets. */
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

describe('reference data', () => {
  it('lists reference data: states, mechanisms, themes, SDG goals and targets', async () => {
    const result = await t.execute<
      Record<string, { totalCount: number; edges: { node: Record<string, unknown> }[] }>
    >(`{
      states { totalCount }
      members: states(filter: { unMember: true }) { totalCount }
      mechanisms(first: 100) { totalCount edges { node { code kind system } } }
      themes(scheme: "UHRI_LEGACY") { totalCount }
      sdgGoals { totalCount }
      sdgTargets(goal: "5") { totalCount edges { node { code } } }
      allTargets: sdgTargets { totalCount }
    }`);
    expect(result.errors).toBeUndefined();
    const d = result.data!;
    expect(d['states']!.totalCount).toBe(249);
    expect(d['members']!.totalCount).toBe(193);
    expect(d['mechanisms']!.edges.map((e) => e.node['code'])).toEqual(
      expect.arrayContaining(['UPR', 'CEDAW', 'GREVIO', 'MESECVI', 'ACHPR']),
    );
    expect(d['themes']!.totalCount).toBeGreaterThan(0);
    expect(d['sdgGoals']!.totalCount).toBe(17);
    expect(d['allTargets']!.totalCount).toBe(169);
    expect(d['sdgTargets']!.edges.map((e) => e.node['code'])).toEqual([
      '5.1',
      '5.2',
      '5.3',
      '5.4',
      '5.5',
      '5.6',
      '5.a',
      '5.b',
      '5.c',
    ]);
  });
});
