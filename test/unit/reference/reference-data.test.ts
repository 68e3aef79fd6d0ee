import { describe, expect, it } from 'vitest';
import { readReferenceData, readUprSessions } from '../../../src/features/reference/index.ts';
import { requireMechanismTree } from '../../../src/features/reference/reference-data.ts';

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

  it('has the 17 SDG goals, 169 targets, 18 core UN instruments and 193 x 18 ratification rows', () => {
    expect(data.sdgGoals).toHaveLength(17);
    expect(data.sdgTargets).toHaveLength(169);
    expect(data.instruments.filter((i) => i.system === 'UN')).toHaveLength(18);
    expect(data.ratifications).toHaveLength(193 * 18);
    const mechanisms = new Set(data.mechanisms.map((m) => m.code));
    for (const instrument of data.instruments) {
      expect(instrument.monitoredBy.length, instrument.code).toBeGreaterThan(0);
      for (const code of instrument.monitoredBy) expect(mechanisms).toContain(code);
    }
  });

  it('has the regional instruments with their year of adoption and monitoring bodies', () => {
    const regional = data.instruments
      .filter((i) => i.system !== 'UN')
      .map(({ sourceCode, code, adoptedYear, monitoredBy, system }) => ({
        sourceCode,
        code,
        adoptedYear,
        monitoredBy,
        system,
      }));
    expect(regional).toEqual([
      {
        sourceCode: 'achr',
        code: 'ACHR',
        adoptedYear: 1969,
        monitoredBy: ['IACHR', 'IACtHR'],
        system: 'INTER_AMERICAN',
      },
      {
        sourceCode: 'belem_do_para',
        code: 'BELEM-DO-PARA',
        adoptedYear: 1994,
        monitoredBy: ['MESECVI'],
        system: 'INTER_AMERICAN',
      },
      {
        sourceCode: 'echr',
        code: 'ECHR',
        adoptedYear: 1950,
        monitoredBy: ['ECtHR'],
        system: 'COUNCIL_OF_EUROPE',
      },
      {
        sourceCode: 'istanbul',
        code: 'ISTANBUL',
        adoptedYear: 2011,
        monitoredBy: ['GREVIO', 'IC-CoP'],
        system: 'COUNCIL_OF_EUROPE',
      },
      {
        sourceCode: 'maputo',
        code: 'MAPUTO',
        adoptedYear: 2003,
        monitoredBy: ['ACHPR'],
        system: 'AFRICAN',
      },
    ]);
    // Ratification tables name instruments by sourceCode: each must be unique.
    const sourceCodes = data.instruments.map((i) => i.sourceCode);
    expect(new Set(sourceCodes).size).toBe(sourceCodes.length);
  });

  it('has the mechanisms of DOMAIN.md with their kinds', () => {
    const byCode = new Map(data.mechanisms.map((m) => [m.code, m]));
    expect(byCode.get('UPR')?.kind).toBe('UPR');
    expect(byCode.get('CEDAW')?.kind).toBe('TREATY_BODY');
    expect(byCode.get('GREVIO')).toMatchObject({ kind: 'REGIONAL', system: 'COUNCIL_OF_EUROPE' });
    expect(byCode.get('MESECVI')).toMatchObject({ kind: 'REGIONAL', system: 'INTER_AMERICAN' });
    expect(byCode.get('ACHPR')).toMatchObject({ kind: 'REGIONAL', system: 'AFRICAN' });
  });

  it('gives the bodies that belong to another their parent, and keeps the codes data uses', () => {
    const parents = Object.fromEntries(
      data.mechanisms.filter((m) => m.parent !== null).map((m) => [m.code, m.parent]),
    );
    expect(parents).toEqual({
      'MESECVI-CEVI': 'MESECVI',
      'IACHR-RRW': 'IACHR',
      'ACHPR-SRRWA': 'ACHPR',
    });
    const codes = data.mechanisms.map((m) => m.code);
    // Codes recommendations already carry, and the Istanbul Convention's Committee of the Parties.
    expect(codes).toEqual(
      expect.arrayContaining([
        'SP-VAW',
        'SP-WGDAWG',
        'CEDAW',
        'GREVIO',
        'IC-CoP',
        'IACtHR',
        'ECtHR',
      ]),
    );
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('refuses a parent that is not a mechanism, and a body that is its own ancestor', () => {
    expect(() => requireMechanismTree([{ code: 'A', parent: 'B' }])).toThrow(
      /A has unknown parent B/,
    );
    expect(() =>
      requireMechanismTree([
        { code: 'A', parent: 'B' },
        { code: 'B', parent: 'A' },
      ]),
    ).toThrow(/its own ancestor/);
    expect(() =>
      requireMechanismTree([
        { code: 'A', parent: null },
        { code: 'B', parent: 'A' },
      ]),
    ).not.toThrow();
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
