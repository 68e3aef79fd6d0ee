/**
 * Migrations against the real Neo4j: recorded in the graph, idempotent, guarded against edits,
 * and V0005 bringing older recommendations up to date.
 */
import { describe, expect, it } from 'vitest';
import { cypherMigrations, migrate } from '../../../src/db/migrate.ts';
import { textKeyMigration } from '../../../src/features/imports/index.ts';
import { textKey } from '../../../src/features/imports/identity.ts';
import { referenceDataMigration } from '../../../src/features/reference/index.ts';
import { CODE_MIGRATIONS } from '../../../src/server/migrations.ts';
import { testLogger, useTestApp } from '../../helpers/create-test-app.ts';
import { uniqueId } from '../../helpers/factories.ts';

const t = useTestApp();

describe('migrations', () => {
  it('are recorded in the graph, and a rerun applies nothing', async () => {
    const result = await migrate(t.db, testLogger(), CODE_MIGRATIONS);
    expect(result.applied).toEqual([]);
    // Every migration, in order: the Cypher files and the code migrations.
    const all = [...cypherMigrations(), ...CODE_MIGRATIONS].map((m) => m.version).sort();
    expect(all.length).toBeGreaterThanOrEqual(8);
    expect(result.skipped).toEqual(all);
    const recorded = await t.db.read<{ version: string }>(
      'MATCH (m:__Migration) RETURN m.version AS version ORDER BY version',
    );
    expect(recorded.map((r) => r.version)).toEqual(all);
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
        'pledge_id',
        'follow_up_action_id',
        'agency_state_name',
        'audit_event_id',
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

describe('V0005 (text keys and link sources)', () => {
  it('brings recommendations imported before it up to date', async () => {
    const id = uniqueId('V0005');
    const text = 'Ratify the Optional Protocol to the Convention against Torture';
    await t.db.write(
      `CREATE (r:Recommendation {id: $id, mechanism: 'UPR', state: 'SVN', cycle: 2, text: $text})
       CREATE (r)-[:FROM_SOURCE]->(:SourceRecord {dataset: $id, sourceId: '1'})
       MERGE (t:Theme {scheme: 'TEST', code: $id})
       CREATE (r)-[:HAS_THEME]->(t)`,
      { id, text },
    );
    try {
      await t.db.transaction((tx) => textKeyMigration.apply(tx));
      const [row] = await t.db.read<{ textKey: string; sources: string[] }>(
        `MATCH (r:Recommendation {id: $id})-[l:HAS_THEME]->() RETURN r.textKey AS textKey, l.sources AS sources`,
        { id },
      );
      expect(row).toEqual({
        textKey: textKey({ mechanism: 'UPR', state: 'SVN', cycle: 2, text }),
        sources: [`${id}\u00001`],
      });
    } finally {
      await t.db.write(
        `MATCH (r:Recommendation {id: $id})-[:FROM_SOURCE]->(s) MATCH (t:Theme {scheme: 'TEST', code: $id})
         DETACH DELETE r, s, t`,
        { id },
      );
    }
  });
});
