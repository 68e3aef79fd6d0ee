/**
 * The mechanisms of the regional systems as data (issue 26): bodies that belong to another
 * (Mechanism.parent, Mechanism.children, read in batches), the regional instruments and their
 * monitoring bodies, and the reference migration that brings a database up to the tables.
 */
import { describe, expect, it } from 'vitest';
import { referenceDataReloadMigration } from '../../../src/features/reference/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

type Node = {
  code: string;
  kind: string;
  system: string | null;
  parent: { code: string } | null;
  children: { code: string }[];
};

describe('mechanisms that belong to another', () => {
  it('links each body to the one it belongs to, both ways', async () => {
    const response = await t.execute<Record<string, Node>>(`{
      iachr: mechanism(code: "IACHR") { ...m }
      rapporteurship: mechanism(code: "IACHR-RRW") { ...m }
      cevi: mechanism(code: "MESECVI-CEVI") { ...m }
      srrwa: mechanism(code: "ACHPR-SRRWA") { ...m }
      parties: mechanism(code: "IC-CoP") { ...m }
    }
    fragment m on Mechanism { code kind system parent { code } children { code } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data).toEqual({
      iachr: {
        code: 'IACHR',
        kind: 'REGIONAL',
        system: 'INTER_AMERICAN',
        parent: null,
        children: [{ code: 'IACHR-RRW' }],
      },
      rapporteurship: {
        code: 'IACHR-RRW',
        kind: 'REGIONAL',
        system: 'INTER_AMERICAN',
        parent: { code: 'IACHR' },
        children: [],
      },
      cevi: {
        code: 'MESECVI-CEVI',
        kind: 'REGIONAL',
        system: 'INTER_AMERICAN',
        parent: { code: 'MESECVI' },
        children: [],
      },
      srrwa: {
        code: 'ACHPR-SRRWA',
        kind: 'REGIONAL',
        system: 'AFRICAN',
        parent: { code: 'ACHPR' },
        children: [],
      },
      parties: {
        code: 'IC-CoP',
        kind: 'REGIONAL',
        system: 'COUNCIL_OF_EUROPE',
        parent: null,
        children: [],
      },
    });
  });

  it('reads the parents and children of a whole list in one statement each', async () => {
    t.queries.length = 0;
    const response = await t.execute<{
      mechanisms: { edges: { node: Node }[] };
    }>(`{ mechanisms(first: 30) { edges { node {
          code parent { code kind } children { code parent { code } } } } } }`);
    expect(response.errors).toBeUndefined();
    const nodes = response.data!.mechanisms.edges.map((e) => e.node);
    const parents = Object.fromEntries(
      nodes.filter((n) => n.parent).map((n) => [n.code, n.parent!.code]),
    );
    expect(parents).toMatchObject({
      'ACHPR-SRRWA': 'ACHPR',
      'IACHR-RRW': 'IACHR',
      'MESECVI-CEVI': 'MESECVI',
    });
    const children = Object.fromEntries(
      nodes.filter((n) => n.children.length).map((n) => [n.code, n.children.map((c) => c.code)]),
    );
    expect(children).toMatchObject({
      ACHPR: ['ACHPR-SRRWA'],
      IACHR: ['IACHR-RRW'],
      MESECVI: ['MESECVI-CEVI'],
    });
    // One list read, one batch of children, one batch of parents (the children's parents are
    // the listed mechanisms, already read).
    const statements = t.queries.map((q) => q.cypher);
    expect(
      statements.filter((c) => c.includes('-[:PART_OF]->(:Mechanism {code: code})')),
    ).toHaveLength(1);
    expect(
      statements.filter((c) => c.startsWith('UNWIND $codes AS code\nMATCH (m:Mechanism')),
    ).toHaveLength(1);
    expect(statements.length).toBeLessThanOrEqual(4);
  });
});

describe('regional instruments', () => {
  it('are instruments with their year of adoption, system and monitoring bodies', async () => {
    const rows = await t.db.read<{
      code: string;
      sourceCode: string;
      adoptedYear: number;
      system: string;
      monitoredBy: string[];
    }>(
      `MATCH (i:Instrument) WHERE i.system <> 'UN'
       RETURN i.code AS code, i.sourceCode AS sourceCode, i.adoptedYear AS adoptedYear,
              i.system AS system,
              COLLECT { MATCH (i)-[:MONITORED_BY]->(m) RETURN m.code ORDER BY m.code } AS monitoredBy
       ORDER BY code`,
    );
    expect(rows).toEqual([
      {
        code: 'ACHR',
        sourceCode: 'achr',
        adoptedYear: 1969,
        system: 'INTER_AMERICAN',
        monitoredBy: ['IACHR', 'IACtHR'],
      },
      {
        code: 'BELEM-DO-PARA',
        sourceCode: 'belem_do_para',
        adoptedYear: 1994,
        system: 'INTER_AMERICAN',
        monitoredBy: ['MESECVI'],
      },
      {
        code: 'ECHR',
        sourceCode: 'echr',
        adoptedYear: 1950,
        system: 'COUNCIL_OF_EUROPE',
        monitoredBy: ['ECtHR'],
      },
      {
        code: 'ISTANBUL',
        sourceCode: 'istanbul',
        adoptedYear: 2011,
        system: 'COUNCIL_OF_EUROPE',
        monitoredBy: ['GREVIO', 'IC-CoP'],
      },
      {
        code: 'MAPUTO',
        sourceCode: 'maputo',
        adoptedYear: 2003,
        system: 'AFRICAN',
        monitoredBy: ['ACHPR'],
      },
    ]);
  });
});

describe('the reference reload (V0013)', () => {
  it('is recorded, and puts back what the tables say: stale parents and monitoring bodies go', async () => {
    const [recorded] = await t.db.read<{ n: number }>(
      "MATCH (m:__Migration {version: 'V0013'}) RETURN count(m) AS n",
    );
    expect(recorded!.n).toBe(1);
    // Arrange: links the tables do not have.
    await t.db.write(
      `MATCH (r:Mechanism {code: 'IACHR-RRW'}), (e:Mechanism {code: 'ECtHR'}), (u:Mechanism {code: 'UPR'})
       MATCH (i:Instrument {code: 'ISTANBUL'})
       MERGE (r)-[:PART_OF]->(e)
       MERGE (u)-[:PART_OF]->(e)
       MERGE (i)-[:MONITORED_BY]->(u)`,
    );
    const stale = `MATCH (e:Mechanism {code: 'ECtHR'}), (u:Mechanism {code: 'UPR'})
      RETURN COUNT { ()-[:PART_OF]->(e) } AS partOf,
             COUNT { (:Instrument)-[:MONITORED_BY]->(u) } AS monitors`;
    expect(await t.db.read(stale)).toEqual([{ partOf: 2, monitors: 1 }]);

    await t.db.transaction((tx) => referenceDataReloadMigration.apply(tx));

    expect(await t.db.read(stale)).toEqual([{ partOf: 0, monitors: 0 }]);
    const [rrw] = await t.db.read<{ parents: string[] }>(
      `MATCH (:Mechanism {code: 'IACHR-RRW'})-[:PART_OF]->(p) RETURN collect(p.code) AS parents`,
    );
    expect(rrw!.parents).toEqual(['IACHR']);
  });
});
