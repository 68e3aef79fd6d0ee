/**
 * Import tests write their own files (under a temp directory) and their own recommendations, all
 * under a mechanism code no other test uses, and remove them afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { Db } from '../../src/db/run.ts';
import { exportNdjson } from '../../src/features/imports/index.ts';
import type { TestApp } from './create-test-app.ts';
import { uniqueId } from './factories.ts';

/** The small source files in test/fixtures. */
export const FIXTURES = path.join(import.meta.dirname, '../fixtures');

export interface Scope {
  /** A mechanism code unique to this test; every line written with it creates it. */
  readonly mechanism: string;
  readonly dir: string;
  file(name: string, content: string): string;
  ndjsonLine(n: number, overrides?: Record<string, unknown>): string;
  /** Recommendations, source records and mechanism of this scope, counted in the graph. */
  counts(db: Db): Promise<{ recommendations: number; sources: number; mechanisms: number }>;
  /**
   * Every relationship from this scope's recommendations, with the key of its end and the
   * sources it carries, sorted: what two ways of writing the same rows must agree on.
   */
  links(db: Db): Promise<{ from: string; type: string; to: string; sources: string[] | null }[]>;
  cleanup(db: Db): Promise<void>;
}

export function importScope(): Scope {
  const mechanism = uniqueId('T')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-import-'));
  return {
    mechanism,
    dir,
    file(name, content) {
      const file = path.join(dir, name);
      fs.writeFileSync(file, content);
      return file;
    },
    ndjsonLine(n, overrides = {}) {
      return JSON.stringify({
        mechanism,
        mechanismKind: 'TREATY_BODY',
        mechanismName: `Test body ${mechanism}`,
        state: n % 2 ? 'SVN' : 'HRV',
        text: `Recommendation number ${n}: adopt a comprehensive anti-discrimination law.`,
        language: 'en',
        year: 2020 + (n % 4),
        documentSymbol: `${mechanism}/C/CO/1`,
        paragraph: `${n}`,
        recommendingStates: [],
        themes: [{ scheme: 'TEST', code: `${mechanism}-theme`, label: 'Test theme' }],
        source: { dataset: `test:${mechanism}`, id: String(n) },
        ...overrides,
      });
    },
    async counts(db) {
      const [row] = await db.read<{ recommendations: number; sources: number; mechanisms: number }>(
        `CALL () { MATCH (r:Recommendation {mechanism: $mechanism}) RETURN count(r) AS recommendations }
         CALL () { MATCH (s:SourceRecord {dataset: $dataset}) RETURN count(s) AS sources }
         CALL () { MATCH (m:Mechanism {code: $mechanism}) RETURN count(m) AS mechanisms }
         RETURN recommendations, sources, mechanisms`,
        { mechanism, dataset: `test:${mechanism}` },
      );
      return row!;
    },
    async links(db) {
      return db.read(
        `MATCH (r:Recommendation {mechanism: $mechanism})-[l]->(x)
         WITH r.id AS from, type(l) AS type,
              coalesce(x.iso3, x.symbol, x.sourceId, x.id, x.scheme + ':' + x.code, x.code) AS to,
              l.sources AS sources
         RETURN from, type, to, sources ORDER BY from, type, to`,
        { mechanism },
      );
    },
    async cleanup(db) {
      await db.write(
        `MATCH (r:Recommendation {mechanism: $mechanism})
         OPTIONAL MATCH (r)-[:FROM_SOURCE]->(s)
         OPTIONAL MATCH (r)-[:IN_DOCUMENT]->(d)
         DETACH DELETE r, s, d`,
        { mechanism },
      );
      await db.write(
        `OPTIONAL MATCH (s:SourceRecord) WHERE s.dataset STARTS WITH $prefix
         OPTIONAL MATCH (t:Theme {scheme: 'TEST'}) WHERE t.code STARTS WITH $mechanism
         OPTIONAL MATCH (m:Mechanism {code: $mechanism})
         DETACH DELETE s, t, m`,
        { mechanism, prefix: `test:${mechanism}` },
      );
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A new scope for each test that asks for one (`newScope()` at its start), removed after the
 * test; `lines` and `exportScope` work on the latest one.
 */
export function importScopePerTest(t: TestApp) {
  let scope: Scope | undefined;
  const current = () => {
    if (!scope) throw new Error('call newScope() first');
    return scope;
  };
  afterEach(async () => {
    await scope?.cleanup(t.db);
  });
  return {
    newScope: (): Scope => (scope = importScope()),
    /** NDJSON lines n = from, from + 1, ... of the current scope. */
    lines: (n: number, from = 1) =>
      Array.from({ length: n }, (_, i) => current().ndjsonLine(from + i)).join('\n') + '\n',
    /** The current scope's recommendations as `recgraph export` writes them. */
    exportScope: async (): Promise<string[]> => {
      const out: string[] = [];
      for await (const line of exportNdjson(t))
        if (line.includes(`"mechanism":"${current().mechanism}"`)) out.push(line);
      return out;
    },
  };
}

/**
 * The UPR and UHRI source tests: copies of fixtures under names unique to the run (datasets are
 * named after files), and the removal of everything they import (Algeria's cycle-1 UPR data and
 * the UHRI test annotations) after each test.
 */
export function useSourceFiles(t: TestApp) {
  let dir: string | undefined;

  /** A copy of a fixture under a name unique to this run (datasets are named after files). */
  function copy(fixture: string, content?: Buffer | string): string {
    dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-sources-'));
    const file = path.join(dir, `${uniqueId('f')}-${fixture}`);
    fs.writeFileSync(file, content ?? fs.readFileSync(path.join(FIXTURES, fixture)));
    return file;
  }

  /** Everything these tests create: Algeria's cycle-1 UPR data and the UHRI test annotations. */
  async function cleanup(): Promise<void> {
    await t.db.write(
      `MATCH (r:Recommendation) WHERE r.id STARTS WITH 'UPR/DZA/c1#' OR r.id STARTS WITH 'UHRITEST'
       OPTIONAL MATCH (r)-[:FROM_SOURCE]->(s)
       DETACH DELETE r, s`,
    );
    await t.db.write(
      `MATCH (p:Pledge) WHERE p.id STARTS WITH 'UPR-PLEDGE/DZA/c1#'
       OPTIONAL MATCH (p)-[:FROM_SOURCE]->(s)
       DETACH DELETE p, s`,
    );
    await t.db.write(`MATCH (d:Document) WHERE d.symbol STARTS WITH 'UHRITEST' DETACH DELETE d`);
  }

  afterEach(cleanup);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });
  return { copy, cleanup };
}
