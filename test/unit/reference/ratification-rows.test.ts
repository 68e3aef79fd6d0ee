/** Reading one row of a ratification table, and suggesting what an unknown code meant. */
import { describe, expect, it } from 'vitest';
import { readRatificationFields } from '../../../src/features/reference/ratification-rows.ts';

/** A row in the layout of treaty_ratification_long.csv. */
const row = (
  instrument: string,
  iso2: string,
  party: string,
  year: string,
  signatory: string,
  noAction: string,
  status: string,
) => ({
  instrument,
  iso2,
  member: 'Somewhere',
  'state party': party,
  'year ratification or accession': year,
  signatory,
  'no action': noAction,
  status,
  note: '',
});

describe('a ratification row', () => {
  it('reads a party, a signatory and a state that took no action', () => {
    // Rows of reference/treaty-ratification/treaty_ratification_long.csv.
    expect(
      readRatificationFields(row('cat', 'AF', '1', '1987', '0', '0', 'state party')),
    ).toMatchObject({
      instrument: 'cat',
      iso2: 'AF',
      party: true,
      signatory: false,
      year: 1987,
      errors: [],
      warnings: [],
    });
    expect(
      readRatificationFields(row('cped', 'CV', '0', '', '1', '0', 'signatory state')),
    ).toMatchObject({ party: false, signatory: true, year: null, errors: [], warnings: [] });
    expect(readRatificationFields(row('cat', 'TZ', '0', '', '0', '0', 'no action'))).toMatchObject({
      party: false,
      signatory: false,
      errors: [],
      warnings: [],
    });
  });

  it('lets the flags decide where they contradict the status, with a warning', () => {
    // op_crc_ic,BE,Belgium,0,2014,0,0,state party: the flags say no action.
    const belgium = readRatificationFields(
      row('op_crc_ic', 'BE', '0', '2014', '0', '0', 'state party'),
    );
    expect(belgium).toMatchObject({ party: false, signatory: false, year: null, errors: [] });
    expect(belgium.warnings).toEqual([
      'status "state party" but the flags say no action: the flags decide',
      'a year (2014) for a state that is not a party is not stored',
    ]);
    // crc,KP,North Korea,1,1990,0,1,state party: a party with "no action" set as well.
    const dprk = readRatificationFields(row('crc', 'KP', '1', '1990', '0', '1', 'state party'));
    expect(dprk).toMatchObject({ party: true, year: 1990, errors: [] });
    expect(dprk.warnings).toEqual([
      '"no action" is 1 for a party: the "state party" and "signatory" flags decide',
    ]);
  });

  it('resolves the two codes the UN table uses that ISO 3166 no longer has', () => {
    expect(readRatificationFields(row('op_crc_ic', 'S', '0', '', '0', '1', 'no action')).iso2).toBe(
      'SS',
    );
    expect(readRatificationFields(row('cat', 'tp', '0', '', '0', '1', 'no action')).iso2).toBe(
      'TL',
    );
  });

  it('refuses malformed flags and years, and empty codes', () => {
    expect(readRatificationFields(row('', '', 'yes', '87', '0', '0', '')).errors).toEqual(
      [
        '"instrument" is empty',
        '"iso2" is empty',
        '"state party" must be 0, 1 or empty, not "yes"',
        `"year ratification or accession" must be a year from 1900 to 2030, not "87"`,
      ].map((e) => e.replace('2030', String(new Date().getUTCFullYear()))),
    );
    expect(
      readRatificationFields(row('cat', 'FR', '1', '2999', '0', '0', 'state party'), 2025).errors,
    ).toEqual(['"year ratification or accession" must be a year from 1900 to 2025, not "2999"']);
  });
});
