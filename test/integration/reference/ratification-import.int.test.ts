/**
 * importRatifications (`recgraph import --format ratifications`): rows in the layout of
 * treaty_ratification_long.csv, all checked before one transaction writes the links they change;
 * a second import changes nothing, and one bad row writes nothing.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  importRatifications,
  RatificationImportError,
} from '../../../src/features/reference/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();
const FIXTURE = path.join(
  import.meta.dirname,
  '../../fixtures/ratifications/un-treaties-sample.csv',
);
const HEADER =
  'instrument,iso2,member,state party,year ratification or accession,signatory,no action,status,note';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-ratifications-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Writes a CSV of the given lines (after the header) to a temporary file. */
const csv = (name: string, lines: readonly string[]) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `${[HEADER, ...lines].join('\n')}\n`);
  return file;
};

type Ratification = { instrument: string; status: string; year: number | null };
const ratificationsOf = async (iso3: string): Promise<Ratification[]> => {
  const response = await t.execute<{ state: { ratifications: Ratification[] } }>(
    'query ($iso3: String!) { state(iso3: $iso3) { ratifications { instrument status year } } }',
    { iso3 },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.state.ratifications;
};

// Every test leaves the fixture's links as the reference data has them (the rows are copied
// from the same table).
afterEach(async () => {
  await importRatifications(t, [FIXTURE]);
});

describe('importRatifications', () => {
  it('finds nothing to change in rows the reference data already loaded, and warns of contradictory rows', async () => {
    const result = await importRatifications(t, [FIXTURE]);
    expect(result).toMatchObject({
      read: 13,
      created: 0,
      updated: 0,
      unchanged: 13,
      written: true,
    });
    expect(result.files).toEqual([
      { file: FIXTURE, read: 13, created: 0, updated: 0, unchanged: 13 },
    ]);
    // op_crc_ic,BE,Belgium,0,2014,0,0,state party: the flags say no action.
    expect(result.warnings).toEqual([
      {
        file: FIXTURE,
        line: 12,
        reason: 'status "state party" but the flags say no action: the flags decide',
      },
      {
        file: FIXTURE,
        line: 12,
        reason: 'a year (2014) for a state that is not a party is not stored',
      },
    ]);
  });

  it('creates, updates and removes links to match the rows, then finds nothing to change', async () => {
    // Arrange: Slovenia loses its CEDAW ratification, its CPED year is wrong, and Tanzania has
    // signed CAT, which the table says it has not.
    await t.db.write(
      `MATCH (:State {iso3: 'SVN'})-[p:PARTY_TO]->(:Instrument {code: 'CEDAW'}) DELETE p`,
    );
    await t.db.write(
      `MATCH (:State {iso3: 'SVN'})-[p:PARTY_TO]->(:Instrument {code: 'CPED'}) SET p.year = 1999`,
    );
    await t.db.write(
      `MATCH (s:State {iso3: 'TZA'}), (i:Instrument {code: 'CAT'}) MERGE (s)-[:SIGNED]->(i)`,
    );
    expect((await ratificationsOf('SVN')).map((r) => r.instrument)).not.toContain('CEDAW');

    const result = await importRatifications(t, [FIXTURE]);
    expect(result).toMatchObject({ read: 13, created: 1, updated: 2, unchanged: 10 });
    const slovenia = await ratificationsOf('SVN');
    expect(slovenia).toContainEqual({ instrument: 'CEDAW', status: 'PARTY', year: 1992 });
    expect(slovenia).toContainEqual({ instrument: 'CPED', status: 'PARTY', year: 2021 });
    expect(slovenia.map((r) => r.instrument)).not.toContain('ICMW');
    expect((await ratificationsOf('TZA')).map((r) => r.instrument)).not.toContain('CAT');
    expect(await ratificationsOf('USA')).toContainEqual({
      instrument: 'CEDAW',
      status: 'SIGNATORY',
      year: null,
    });

    const again = await importRatifications(t, [FIXTURE]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 13 });
  });

  it('turns a signatory into a party, and counts without writing on a dry run', async () => {
    // cped,TZ: Tanzania signed; a (made-up) file says it ratified.
    const file = csv('tz-party.csv', ['cped,TZ,Tanzania,1,2020,0,0,state party,']);
    const dry = await importRatifications(t, [file], { dryRun: true });
    expect(dry).toMatchObject({ read: 1, created: 0, updated: 1, unchanged: 0, written: false });
    expect(await ratificationsOf('TZA')).toContainEqual({
      instrument: 'CPED',
      status: 'SIGNATORY',
      year: null,
    });

    expect(await importRatifications(t, [file])).toMatchObject({ updated: 1, written: true });
    const tanzania = await ratificationsOf('TZA');
    expect(tanzania).toContainEqual({ instrument: 'CPED', status: 'PARTY', year: 2020 });
    expect(tanzania.filter((r) => r.instrument === 'CPED')).toHaveLength(1);
  });

  it('refuses the whole import when a row is bad, naming the line and the closest matches', async () => {
    // Arrange: the fixture would restore Slovenia's CEDAW link, if anything were written.
    await t.db.write(
      `MATCH (:State {iso3: 'SVN'})-[p:PARTY_TO]->(:Instrument {code: 'CEDAW'}) DELETE p`,
    );
    const bad = csv('bad.csv', [
      'belem,SI,Slovenia,0,,0,1,no action,',
      'cedaw,XX,Slovenia,1,1992,0,0,state party,',
      'instanbul,SI,Slovenia,0,,1,0,signatory state,',
      'cat,SI,Slovenia,yes,1993,0,0,state party,',
      'cedaw,CV,Cape Verde,1,1991,0,0,state party,',
    ]);

    const error = await importRatifications(t, [FIXTURE, bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RatificationImportError);
    const problems = (error as RatificationImportError).problems;
    expect(problems.map((p) => [path.basename(p.file), p.line])).toEqual([
      ['bad.csv', 2],
      ['bad.csv', 3],
      ['bad.csv', 4],
      ['bad.csv', 5],
      ['bad.csv', 6],
    ]);
    expect(problems[0]!.reason).toMatch(
      /unknown instrument "belem" .*closest: belem_do_para \(BELEM-DO-PARA, Inter-American Convention/,
    );
    expect(problems[1]!.reason).toMatch(
      /unknown state "XX" \(member "Slovenia"\).*closest: SI \(Slovenia\)/,
    );
    expect(problems[2]!.reason).toMatch(/closest: istanbul \(ISTANBUL/);
    expect(problems[3]!.reason).toBe('"state party" must be 0, 1 or empty, not "yes"');
    expect(problems[4]!.reason).toMatch(
      /cedaw for CV is already on line 3 of .*un-treaties-sample\.csv$/,
    );
    expect((error as Error).message).toMatch(
      /^5 ratification rows are invalid; nothing was written:\n.*bad\.csv:2: unknown instrument/,
    );
    // Nothing was written: not even the fixture's valid rows.
    expect((await ratificationsOf('SVN')).map((r) => r.instrument)).not.toContain('CEDAW');
  });

  it('refuses a file without the columns of the layout', async () => {
    // A header alone is a file with nothing to import.
    expect(await importRatifications(t, [csv('header.csv', [])])).toMatchObject({
      read: 0,
      created: 0,
      updated: 0,
      unchanged: 0,
    });
    const empty = path.join(dir, 'empty.csv');
    fs.writeFileSync(empty, 'treaty,country\n');
    await expect(importRatifications(t, [empty])).rejects.toThrow(/empty.csv:1: missing columns/);
    const file = path.join(dir, 'columns.csv');
    fs.writeFileSync(file, 'treaty,country,ratified\ncedaw,SI,1\n');
    await expect(importRatifications(t, [file])).rejects.toThrow(
      /columns.csv:1: missing columns "instrument", "iso2", "state party", "year ratification or accession", "signatory", "status"/,
    );
  });
});
