import { describe, expect, it } from 'vitest';
import { readReferenceData, readUprSessions } from '../../../src/features/reference/index.ts';

describe('reference data shipped in reference/', () => {
  const data = readReferenceData();

  it('has every ISO 3166 entry, the 193 UN members and 2 observers, with M49 regions', () => {
    expect(data.states).toHaveLength(249);
    expect(data.states.filter((s) => s.unMember)).toHaveLength(193);
    expect(
      data.states
        .filter((s) => s.unObserver)
        .map((s) => s.iso3)
        .sort(),
    ).toEqual(['PSE', 'VAT']);
    const svn = data.states.find((s) => s.iso3 === 'SVN')!;
    expect(svn).toMatchObject({ iso2: 'SI', m49: '705', name: 'Slovenia', region: '039' });
    expect(Object.keys(svn.namesByLanguage).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    const regionCodes = new Set(data.regions.map((r) => r.code));
    for (const state of data.states) if (state.region) expect(regionCodes).toContain(state.region);
  });

  it('has the 17 SDG goals, 169 targets, 18 core instruments and 193 x 18 ratification rows', () => {
    expect(data.sdgGoals).toHaveLength(17);
    expect(data.sdgTargets).toHaveLength(169);
    expect(data.instruments).toHaveLength(18);
    expect(data.ratifications).toHaveLength(193 * 18);
    const mechanisms = new Set(data.mechanisms.map((m) => m.code));
    for (const instrument of data.instruments) expect(mechanisms).toContain(instrument.monitoredBy);
  });

  it('has the mechanisms of DOMAIN.md with their kinds', () => {
    const byCode = new Map(data.mechanisms.map((m) => [m.code, m]));
    expect(byCode.get('UPR')?.kind).toBe('UPR');
    expect(byCode.get('CEDAW')?.kind).toBe('TREATY_BODY');
    expect(byCode.get('GREVIO')).toMatchObject({ kind: 'REGIONAL', system: 'COUNCIL_OF_EUROPE' });
    expect(byCode.get('MESECVI')).toMatchObject({ kind: 'REGIONAL', system: 'INTER_AMERICAN' });
    expect(byCode.get('ACHPR')).toMatchObject({ kind: 'REGIONAL', system: 'AFRICAN' });
  });

  it('maps UPR sessions to the cycles of DOMAIN.md', () => {
    const sessions = readUprSessions();
    for (const [session, info] of sessions) {
      const expected = session <= 12 ? 1 : session <= 26 ? 2 : session <= 40 ? 3 : 4;
      expect(info.cycle).toBe(expected);
    }
    expect(sessions.get(20)?.year).toBe(2014);
  });
});
