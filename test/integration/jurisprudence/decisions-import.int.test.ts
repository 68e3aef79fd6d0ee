/**
 * importOhchrJuris and importHudoc (`recgraph import --format ohchr-juris|hudoc`): every row
 * checked first, rejected rows reported with file:line, one decision per symbol or judgment
 * (duplicates merged, never doubled), and a second import changes nothing. Fixtures: rows authored
 * in the formats of ../shared/data, with its defects (test/fixtures/jurisprudence/decisions/README.md).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importHudoc, importOhchrJuris } from '../../../src/features/jurisprudence/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { FIXTURES, removeFixtureDecisions } from './decisions-fixtures.ts';

const t = useTestApp();
const XML = path.join(FIXTURES, 'ohchr-juris-sample.xml');
const CSV = path.join(FIXTURES, 'ohchr-juris-sample.csv');
const ECHR_OD = path.join(FIXTURES, 'echr-od-sample.csv');
const HUDOC = path.join(FIXTURES, 'hudoc-export-sample.csv');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-decisions-'));

beforeAll(() => removeFixtureDecisions(t.db));
afterAll(async () => {
  await removeFixtureDecisions(t.db);
  fs.rmSync(dir, { recursive: true, force: true });
});

type DecisionView = {
  decisionId: string;
  kind: string | null;
  outcome: string | null;
  respondents: { iso3: string }[];
  returnStates: { iso3: string }[];
  ambiguousRespondent: boolean;
  sourceIds: string[];
  articles: { code: string; violated: boolean | null }[];
};
const decision = async (id: string) => {
  const response = await t.execute<{ decision: DecisionView | null }>(
    `query ($id: String!) { decision(id: $id) { decisionId kind outcome ambiguousRespondent sourceIds
      respondents { iso3 } returnStates { iso3 } articles { code violated } } }`,
    { id },
  );
  expect(response.errors).toBeUndefined();
  return response.data!.decision;
};

describe('importOhchrJuris', () => {
  it('imports the XML: rejects an unknown state with file:line, merges duplicate symbols, keeps apart communications that share one', async () => {
    const result = await importOhchrJuris(t, [XML]);
    // 20 items: Yugoslavia rejected; a skeleton and a repeated CAT record merged into full ones.
    expect(result).toMatchObject({
      read: 20,
      created: 17,
      updated: 0,
      unchanged: 0,
      rejected: 1,
      merged: 2,
      written: true,
    });
    expect(result.rejections).toEqual([
      { file: XML, line: 3, reason: 'unknown state "Yugoslavia"; no close match' },
    ]);
    const reasons = result.warnings.map((w) => w.reason);
    // OHCHR's protocol codes are read as the canonical ones (the protocol by its own code).
    expect(reasons).toContain('article code CEDAW-OP-4-2-C read as OPCEDAW-4-2-c');
    expect(reasons).toContain('article code CCPR-OP-5-2-b read as OPCCPR-5-2-b');
    expect(reasons).toContain(
      'article code "CCCPR-18" names no known treaty (closest: CCPR); left out',
    );
    expect(reasons.some((r) => r.startsWith('skeleton record of'))).toBe(true);

    // The repeated CAT record names Denmark alone, the other Denmark and Ethiopia: Ethiopia is
    // the country of return.
    expect(await decision('CAT/C/53/D/9458/2011')).toMatchObject({
      kind: 'VIEWS',
      respondents: [{ iso3: 'DNK' }],
      returnStates: [{ iso3: 'ETH' }],
      ambiguousRespondent: false,
      articles: [{ code: 'CAT-3', violated: null }],
    });
    // Two states and nothing to tell them apart: both, marked ambiguous.
    expect(await decision('CAT/C/41/D/9306/2006')).toMatchObject({
      respondents: [{ iso3: 'AZE' }, { iso3: 'SWE' }],
      ambiguousRespondent: true,
    });
    // One symbol on two communications: two decisions.
    expect(await decision('CCPR/C/57/D/9480/1991')).toMatchObject({
      respondents: [{ iso3: 'ECU' }],
    });
    expect(await decision('CCPR/C/57/D/9480/1991#9461/1991')).toMatchObject({
      respondents: [{ iso3: 'JAM' }],
    });
    expect(await decision('CEDAW/C/59/D/94/2013')).toMatchObject({
      kind: 'INADMISSIBILITY',
      outcome: 'INADMISSIBLE',
    });
    expect((await decision('CEDAW/C/59/D/94/2013'))!.articles).toContainEqual({
      code: 'OPCEDAW-4-2-c',
      violated: null,
    });
  });

  it('changes nothing on a second import, nor from the CSV made from the same scrape', async () => {
    expect(await importOhchrJuris(t, [XML])).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 17,
    });
    // The CSV rows of five of the items: the two CAT/C/53/D/9458/2011 rows are one decision.
    expect(await importOhchrJuris(t, [CSV], { dryRun: true })).toMatchObject({
      read: 5,
      created: 0,
      updated: 0,
      unchanged: 4,
      merged: 1,
      written: false,
    });
  });

  it('rejects malformed rows with file:line and writes the others', async () => {
    const lines = fs.readFileSync(CSV, 'utf8').trimEnd().split('\n');
    const broken = path.join(dir, 'broken.csv');
    // Arrange: line 2 loses its symbol, line 3 gets an unreadable date.
    fs.writeFileSync(
      broken,
      [
        lines[0],
        lines[1]!.replace('CAT/C/51/D/9101/2010', ''),
        lines[2]!.replace(/\d{4}-\d{2}-\d{2}/u, 'yesterday'),
        ...lines.slice(3),
      ].join('\n'),
    );
    const result = await importOhchrJuris(t, [broken], { dryRun: true });
    expect(result.rejections.map((p) => `${path.basename(p.file)}:${p.line}`)).toEqual([
      'broken.csv:3',
      'broken.csv:2',
    ]);
    expect(result).toMatchObject({ read: 5, rejected: 2, unchanged: 2 });
  });
});

describe('importHudoc', () => {
  it('reads both layouts, one decision per judgment across languages and layouts, idempotent', async () => {
    const first = await importHudoc(t, [ECHR_OD, HUDOC]);
    // 16 rows: K.L. v. Slovakia is in ECHR-OD and three times in the export (en, fr, de),
    // G.H.-I. v. Switzerland in ECHR-OD and twice in the export (en, de).
    expect(first).toMatchObject({ read: 16, created: 11, rejected: 0, merged: 5 });
    expect(await importHudoc(t, [HUDOC, ECHR_OD])).toMatchObject({
      created: 0,
      updated: 0,
      unchanged: 11,
    });

    const vc = await decision('ECtHR/99113/07/2011-11-08');
    expect(vc).toMatchObject({
      kind: 'JUDGMENT',
      outcome: 'VIOLATION',
      respondents: [{ iso3: 'SVK' }],
      ambiguousRespondent: false,
    });
    expect(vc!.sourceIds).toHaveLength(4);
    // Violation of Article 3 (substantive) beats no violation of it (procedural).
    expect(vc!.articles).toContainEqual({ code: 'ECHR-3', violated: true });
    expect(await decision('ECtHR/99119/11/2020-06-11')).toMatchObject({
      respondents: [{ iso3: 'SVK' }, { iso3: 'UKR' }],
      ambiguousRespondent: false,
    });
    // Struck out, but a (conditional) violation found on what remained.
    expect(await decision('ECtHR/99117/19/2020-11-17')).toMatchObject({ outcome: 'VIOLATION' });
    // No violation of Article 3 in its substantive aspect, a violation in its procedural one.
    expect(await decision('ECtHR/99115/17/2021-04-01')).toMatchObject({
      outcome: 'VIOLATION',
      articles: [{ code: 'ECHR-3', violated: true }],
    });
  });

  it('says which layouts it reads when given another file', async () => {
    const result = await importHudoc(t, [XML], { dryRun: true });
    expect(result.rejections[0]).toMatchObject({ file: XML, line: 1 });
    expect(result.rejections[0]!.reason).toMatch(
      /not a readable CSV \(an ECHR-OD extract or a HUDOC export\)/,
    );
  });
});
