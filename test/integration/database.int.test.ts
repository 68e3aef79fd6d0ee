/**
 * The database layer against the real Neo4j: migrations, the Cypher catalogue, the gateway's
 * integer handling and error mapping, and the demo-data loader.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../src/db/cypher.ts';
import { migrate } from '../../src/db/migrate.ts';
import { DuplicateConflictError } from '../../src/errors.ts';
import {
  ensureDemoData,
  upsertRecommendations,
  type RecommendationRecord,
} from '../../src/features/imports/index.ts';
import { referenceDataMigration } from '../../src/features/reference/index.ts';
import { createTestApp, testLogger, type TestApp } from '../helpers/create-test-app.ts';
import { uniqueId } from '../helpers/factories.ts';

let t: TestApp;
beforeAll(() => {
  t = createTestApp();
});
afterAll(() => t.close());

describe('migrations', () => {
  it('are recorded in the graph, and a rerun applies nothing', async () => {
    const result = await migrate(t.db, testLogger(), [referenceDataMigration]);
    expect(result.applied).toEqual([]);
    expect(result.skipped).toEqual(['V0001', 'V0002', 'V0003']);
    const recorded = await t.db.read<{ version: string }>(
      'MATCH (m:__Migration) RETURN m.version AS version ORDER BY version',
    );
    expect(recorded.map((r) => r.version)).toEqual(['V0001', 'V0002', 'V0003']);
  });

  it('create a uniqueness constraint for every natural key and the full-text index', async () => {
    const constraints = await t.db.read<{ name: string }>(
      'SHOW CONSTRAINTS YIELD name RETURN name',
    );
    expect(constraints.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'recommendation_id',
        'state_iso3',
        'mechanism_code',
        'document_symbol',
        'theme_scheme_code',
        'sdg_target_code',
        'source_record_key',
      ]),
    );
    const fulltext = await t.db.read<{ name: string }>(
      'SHOW FULLTEXT INDEXES YIELD name RETURN name',
    );
    expect(fulltext.map((i) => i.name)).toContain('recommendation_text');
  });

  it('stop with a clear message when an applied migration was changed', async () => {
    const changed = { ...referenceDataMigration, checksum: () => 'edited' };
    await expect(migrate(t.db, testLogger(), [changed])).rejects.toThrow(
      /V0003 .* changed after it was applied/,
    );
  });
});

describe('the Cypher catalogue', () => {
  it('every fixed query compiles on the real Neo4j (EXPLAIN)', async () => {
    for (const [name, text] of loadCatalogue()) {
      // EXPLAIN plans without running; every $parameter gets a null, which planning accepts.
      const params: Record<string, null> = Object.fromEntries(
        [...text.matchAll(/\$(\w+)/g)].map((m) => [m[1]!, null]),
      );
      await expect(t.db.read(`EXPLAIN ${text}`, params), name).resolves.toBeDefined();
    }
  });
});

describe('the gateway', () => {
  it('returns integers as numbers and maps constraint violations to DuplicateConflictError', async () => {
    const code = uniqueId('TEST-MECH');
    try {
      await t.db.write(
        'CREATE (m:Mechanism {code: $code, name: "test", kind: "OTHER", year: 2024})',
        { code },
      );
      const rows = await t.db.read<{ year: unknown }>(
        'MATCH (m:Mechanism {code: $code}) RETURN m.year AS year',
        { code },
      );
      expect(rows).toEqual([{ year: 2024 }]);
      await expect(
        t.db.write('CREATE (m:Mechanism {code: $code})', { code }),
      ).rejects.toBeInstanceOf(DuplicateConflictError);
    } finally {
      await t.db.write('MATCH (m:Mechanism {code: $code}) DETACH DELETE m', { code });
    }
  });
});

describe('recommendation upserts and the demo dataset', () => {
  it('writes a record with its links, rewrites it idempotently, and reads it back through GraphQL', async () => {
    const id = uniqueId('TEST/C/SVN/CO/1#');
    const theme = uniqueId('test-theme-');
    const group = uniqueId('test-group-');
    const record: RecommendationRecord = {
      id,
      mechanism: 'CEDAW',
      state: 'SVN',
      text: 'Ratify the Council of Europe Convention on preventing and combating violence against women',
      language: 'en',
      date: '2023-06-30',
      year: 2023,
      documentSymbol: null,
      paragraph: '24(b)',
      cycle: null,
      session: null,
      recommendingStates: [],
      recommendingStatesUnmatched: [],
      response: null,
      themes: [{ scheme: 'TEST', code: theme, label: 'Violence against women' }],
      affectedGroups: [{ code: group, label: 'Women & girls' }],
      sdgGoals: [],
      sdgTargets: ['5.2'],
      source: { dataset: 'test', id },
    };
    try {
      await upsertRecommendations(t, [record]);
      await upsertRecommendations(t, [record]);
      const result = await t.execute(
        `query ($id: ID!) { recommendation(id: $id) {
        stableId date year mechanism { code } themes { code } affectedGroups { code }
        sdgTargets { code goal { code } } sdgGoals { code } sources { dataset sourceId } } }`,
        { id },
      );
      expect(result).toEqual({
        data: {
          recommendation: {
            stableId: id,
            date: '2023-06-30',
            year: 2023,
            mechanism: { code: 'CEDAW' },
            themes: [{ code: theme }],
            affectedGroups: [{ code: group }],
            sdgTargets: [{ code: '5.2', goal: { code: '5' } }],
            sdgGoals: [{ code: '5' }],
            sources: [{ dataset: 'test', sourceId: id }],
          },
        },
      });
      const links = await t.db.read<{ n: number }>(
        'MATCH (:Recommendation {id: $id})-[l]->() RETURN count(l) AS n',
        { id },
      );
      expect(links[0]!.n).toBe(6); // state, mechanism, theme, group, target, source
    } finally {
      await t.db.write(
        `MATCH (r:Recommendation {id: $id})
         OPTIONAL MATCH (r)-[:FROM_SOURCE]->(s)
         OPTIONAL MATCH (t:Theme {scheme: 'TEST', code: $theme})
         OPTIONAL MATCH (g:AffectedGroup {code: $group})
         DETACH DELETE r, s, t, g`,
        { id, theme, group },
      );
    }
  });

  it('loads the demo dataset only into an empty graph', async () => {
    const result = await ensureDemoData(t, testLogger());
    expect(result.loaded).toBe(false);
    expect(result.recommendations).toBeGreaterThanOrEqual(632);
  });
});
