/**
 * Incremental detection compares only what is new or reworded, finds it through the
 * overlapDetector index (older recommendations once V0010 has run), merges the clusters a new ask
 * bridges; a full rebuild keeps reviewed decisions and agrees with the incremental runs.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Plan } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { cypher } from '../../../src/db/cypher.ts';
import { cypherMigrations } from '../../../src/db/migrate.ts';
import { DETECTOR_VERSION, detectOverlaps } from '../../../src/features/overlaps/index.ts';
import { LATER_OPCAT, useOverlapFixture } from '../../helpers/overlaps.ts';

const { t, fixture, links } = useOverlapFixture();
/** The operators of a statement's plan (EXPLAIN: planned, not run). */
async function explainOperators(text: string, params: Record<string, unknown>) {
  const { summary } = await t.driver.executeQuery(`EXPLAIN ${text}`, params, {
    database: t.db.database,
  });
  const operators: string[] = [];
  const walk = (plan: Plan) => {
    operators.push(plan.operatorType.replace(/@.*$/u, ''));
    plan.children.forEach(walk);
  };
  walk(summary.plan as Plan);
  return operators;
}

describe('incremental and full runs', () => {
  it('compares only new recommendations, and a full rebuild keeps reviewed decisions', async () => {
    const again = await detectOverlaps({ db: t.db });
    expect(again.compared).toBe(0);

    const later = path.join(fixture.dir, 'later.ndjson');
    fs.writeFileSync(later, `${JSON.stringify(LATER_OPCAT)}\n`);
    await runImport({ db: t.db }, { files: [later], format: 'ndjson' });
    const incremental = await detectOverlaps({ db: t.db });
    expect(incremental.compared).toBe(1);
    expect((await links()).filter((l) => l.b === 'OVTEST/8').map((l) => l.a)).toEqual([
      'OVTEST/1',
      'OVTEST/2',
      'OVTEST/7',
    ]);

    await t.db.write(
      `MATCH (:Recommendation {id: 'OVTEST/1'})-[o:OVERLAPS]->(:Recommendation {id: 'OVTEST/2'})
       SET o.status = 'REJECTED', o.reviewedBy = 'test'`,
    );
    await detectOverlaps({ db: t.db }, { full: true });
    const after = await links();
    expect(after.find((l) => l.a === 'OVTEST/1' && l.b === 'OVTEST/2')?.status).toBe('REJECTED');
    expect(after.filter((l) => l.status === 'SUGGESTED')).toHaveLength(6);
  });
});

describe('a re-imported recommendation with new wording', () => {
  it('is compared again on the next incremental run', async () => {
    const edited = path.join(fixture.dir, 'edited.ndjson');
    fs.writeFileSync(
      edited,
      `${JSON.stringify({ id: 'OVTEST/6', mechanism: 'UPR', state: 'BRA', text: 'Establish an independent national human rights institution in line with the Paris Principles.', language: 'en', year: 2008, cycle: 1, documentSymbol: 'OVTEST/C1', recommendingStates: ['India'], response: 'SUPPORTED' })}\n`,
    );
    await runImport({ db: t.db }, { files: [edited], format: 'ndjson' });
    const run = await detectOverlaps({ db: t.db });
    expect(run.compared).toBe(1);
    expect((await links()).filter((l) => l.a === 'OVTEST/4' && l.b === 'OVTEST/6')).toHaveLength(1);
  });
});

describe('finding what an incremental run must compare', () => {
  it('seeks the overlapDetector index instead of scanning every recommendation', async () => {
    const operators = await explainOperators(cypher('overlaps/states-to-detect'), {
      version: DETECTOR_VERSION,
    });
    expect(operators).toContain('NodeIndexSeekByRange');
    expect(operators).not.toContain('NodeByLabelScan');
    expect(operators).not.toContain('AllNodesScan');
  });

  it('finds recommendations stored before the mark existed, once V0010 has run', async () => {
    // As an import before V0009 left them: no overlapDetector at all.
    await t.db.write(
      `CREATE (:Recommendation {id: 'OVTEST/OLD', mechanism: 'UPR', state: 'BRA', cycle: 1, year: 2008,
         language: 'en', text: 'Establish a national human rights institution in line with the Paris Principles.'})`,
    );
    const linked = async () =>
      (await links()).filter((l) => l.a === 'OVTEST/4' && l.b === 'OVTEST/OLD').length;
    await detectOverlaps({ db: t.db });
    expect(await linked()).toBe(0);
    const v0010 = cypherMigrations().find((m) => m.version === 'V0010')!;
    await v0010.apply(t.db);
    await detectOverlaps({ db: t.db });
    expect(await linked()).toBe(1);
  });
});

/** The members of the cluster holding `id`, sorted (none: in no cluster). */
const clusterOf = async (id: string) =>
  (
    await t.db.read<{ members: string[] }>(
      `MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(:Recommendation {id: $id})
       MATCH (c)-[:HAS_MEMBER]->(m) WITH m ORDER BY m.id RETURN collect(m.id) AS members`,
      { id },
    )
  )[0]?.members ?? [];

describe('an incremental run with a text asking for two things', () => {
  it('keeps the two asks in two clusters, as a full rebuild does', async () => {
    const line = (id: string, text: string) =>
      JSON.stringify({
        id,
        mechanism: 'UPR',
        state: 'BRA',
        text,
        language: 'en',
        year: 2022,
        cycle: 4,
        documentSymbol: 'OVTEST/C4',
      });
    const invitations = path.join(fixture.dir, 'invitations.ndjson');
    fs.writeFileSync(
      invitations,
      `${line('OVTEST/12', 'Extend a standing invitation to all special procedures.')}\n${line('OVTEST/13', 'Consider issuing a standing invitation to the special procedures of the Human Rights Council.')}\n`,
    );
    await runImport({ db: t.db }, { files: [invitations], format: 'ndjson' });
    await detectOverlaps({ db: t.db });
    expect(await clusterOf('OVTEST/12')).toEqual(['OVTEST/12', 'OVTEST/13']);
    const nhri = await clusterOf('OVTEST/4');
    expect(nhri).toContain('OVTEST/5');

    // One text asks for both: the two clusters become one.
    const bridge = path.join(fixture.dir, 'bridge.ndjson');
    fs.writeFileSync(
      bridge,
      `${line('OVTEST/14', 'Establish a national human rights institution in line with the Paris Principles and extend a standing invitation to all special procedures.')}\n`,
    );
    await runImport({ db: t.db }, { files: [bridge], format: 'ndjson' });
    await detectOverlaps({ db: t.db });
    // It overlaps both, but the two asks are not each other's: a cluster is one ask, so it joins
    // at most one of them and they stay apart.
    const bridged = await t.db.read<{ other: string }>(
      `MATCH (:Recommendation {id: 'OVTEST/14'})-[:OVERLAPS]-(o:Recommendation) RETURN o.id AS other`,
    );
    expect(bridged.map((b) => b.other)).toEqual(expect.arrayContaining(['OVTEST/12', 'OVTEST/4']));
    const invitationsAfter = await clusterOf('OVTEST/12');
    const nhriAfter = await clusterOf('OVTEST/4');
    expect(invitationsAfter).not.toEqual(nhriAfter);
    expect(invitationsAfter).toEqual(expect.arrayContaining(['OVTEST/12', 'OVTEST/13']));
    expect(nhriAfter).toEqual(expect.arrayContaining(nhri));
    const [{ clusters } = { clusters: -1 }] = await t.db.read<{ clusters: number }>(
      `MATCH (c:OverlapCluster)-[:HAS_MEMBER]->(r:Recommendation) WHERE r.id IN ['OVTEST/4', 'OVTEST/12']
       RETURN count(DISTINCT c) AS clusters`,
    );
    expect(clusters).toBe(2);

    await detectOverlaps({ db: t.db }, { full: true });
    expect(await clusterOf('OVTEST/12')).toEqual(invitationsAfter);
    expect(await clusterOf('OVTEST/4')).toEqual(nhriAfter);
  });
});

describe('a recommendation reworded to ask something else', () => {
  it('loses the suggestions it no longer earns, and leaves its cluster', async () => {
    expect(await clusterOf('OVTEST/4')).toContain('OVTEST/5');
    const linkedTo5 = async () =>
      (await links()).filter((l) => l.a === 'OVTEST/5' || l.b === 'OVTEST/5').map((l) => l.status);
    expect((await linkedTo5()).length).toBeGreaterThan(0);
    const reworded = path.join(fixture.dir, 'reworded.ndjson');
    fs.writeFileSync(
      reworded,
      `${JSON.stringify({ id: 'OVTEST/5', mechanism: 'UPR', state: 'BRA', text: 'Improve the conditions of detention in prisons and reduce overcrowding.', language: 'en', year: 2012, cycle: 2, documentSymbol: 'OVTEST/C2' })}\n`,
    );
    await runImport({ db: t.db }, { files: [reworded], format: 'ndjson' });
    await detectOverlaps({ db: t.db });
    // Only reviewed links would have stayed; none of OVTEST/5's was reviewed.
    expect(await linkedTo5()).toEqual([]);
    expect(await clusterOf('OVTEST/4')).not.toContain('OVTEST/5');
    expect(await clusterOf('OVTEST/5')).toEqual([]);
  });
});
