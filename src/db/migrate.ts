/**
 * Versioned migrations, recorded in the graph as (:__Migration {version, description, checksum}).
 *
 * Cypher migrations are cypher/migrations/V0001__snake_description.cypher: statements separated by
 * `;`, one transaction per file, DDL and DML never mixed, never edited once merged (a changed
 * checksum stops the run). Data migrations that need code (reading reference CSVs) are passed in by
 * the caller with the same version scheme. Applied versions are skipped, so a rerun is a no-op.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';
import type { Logger } from '../core/logger.ts';
import { cypher } from './cypher.ts';
import type { Db, Tx } from './run.ts';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'cypher', 'migrations');

export interface Migration {
  readonly version: string;
  readonly description: string;
  readonly checksum: string;
  /** Runs the migration in one transaction. */
  readonly apply: (db: Db) => Promise<void>;
}

/** A migration written in code, e.g. loading reference data; its checksum covers its inputs. */
export interface CodeMigration {
  readonly version: string;
  readonly description: string;
  readonly checksum: () => string;
  readonly apply: (tx: Tx) => Promise<void>;
}

const FILE_PATTERN = /^(V\d{4})__([a-z0-9_]+)\.cypher$/;

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/**
 * Splits a migration file into statements on `;`, ignoring semicolons inside quotes and comments.
 */
export function splitStatements(text: string): string[] {
  const statements: string[] = [];
  let current = '';
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quote) {
      current += ch;
      if (ch === '\\') {
        current += text[++i] ?? '';
      } else if (ch === quote) {
        quote = undefined;
      }
    } else if (ch === '/' && text[i + 1] === '/') {
      const end = text.indexOf('\n', i);
      i = end === -1 ? text.length : end - 1;
    } else if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      current += ch;
    } else if (ch === ';') {
      if (current.trim()) statements.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim()) statements.push(current.trim());
  return statements;
}

/** The Cypher migrations in cypher/migrations, in version order. */
export function cypherMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cypher'))
    .sort()
    .map((name) => {
      const match = FILE_PATTERN.exec(name);
      if (!match)
        throw new Error(`migration file ${name} does not match V0001__snake_description.cypher`);
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      const statements = splitStatements(text);
      return {
        version: match[1]!,
        description: match[2]!.replace(/_/g, ' '),
        checksum: sha256(text),
        apply: (db: Db) =>
          db.transaction(async (tx) => {
            for (const statement of statements) await tx.run(statement);
          }),
      };
    });
}

export interface MigrationResult {
  readonly applied: string[];
  readonly skipped: string[];
}

/**
 * Applies every migration not yet recorded, in version order.
 * @throws Error when an applied migration's file changed since, or two migrations share a version.
 */
export async function migrate(
  db: Db,
  logger: Logger,
  code: readonly CodeMigration[] = [],
): Promise<MigrationResult> {
  const all: Migration[] = [
    ...cypherMigrations(),
    ...code.map((m) => ({
      version: m.version,
      description: m.description,
      checksum: m.checksum(),
      apply: (d: Db) => d.transaction(m.apply),
    })),
  ].sort((a, b) => a.version.localeCompare(b.version));
  const versions = all.map((m) => m.version);
  const clash = versions.find((v, i) => versions.indexOf(v) !== i);
  if (clash) throw new Error(`two migrations have version ${clash}`);

  // Before V0001 exists there is no constraint on :__Migration, which this read does not need.
  const recorded = new Map(
    (await db.read<{ version: string; checksum: string }>(cypher('migrations/find-applied'))).map(
      (row) => [row.version, row.checksum],
    ),
  );
  const result: MigrationResult = { applied: [], skipped: [] };
  for (const migration of all) {
    const checksum = recorded.get(migration.version);
    if (checksum !== undefined) {
      if (checksum !== migration.checksum) {
        throw new Error(
          `migration ${migration.version} (${migration.description}) changed after it was applied; add a new migration instead`,
        );
      }
      result.skipped.push(migration.version);
      continue;
    }
    const started = Date.now();
    await migration.apply(db);
    await db.write(cypher('migrations/record-applied'), {
      version: migration.version,
      description: migration.description,
      checksum: migration.checksum,
    });
    logger.info(
      { version: migration.version, description: migration.description, ms: Date.now() - started },
      'applied migration',
    );
    result.applied.push(migration.version);
  }
  return result;
}
