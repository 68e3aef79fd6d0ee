/**
 * Document-import tests import real document excerpts (test/fixtures/documents) under a symbol no
 * other test uses, so they neither meet the demo's documents nor each other, and remove what
 * they wrote afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import type { Db } from '../../src/db/run.ts';
import {
  documentInputs,
  importDocuments,
  type DocumentOptions,
} from '../../src/features/imports/index.ts';
import type { TestApp } from './create-test-app.ts';
import { uniqueId } from './factories.ts';

export const DOCUMENT_FIXTURES = path.join(import.meta.dirname, '../fixtures/documents');

/** Removes a document imported under `symbol` (a test's own), with its recommendations. */
export async function removeDocument(db: Db, symbol: string): Promise<void> {
  await db.write(
    `MATCH (n) WHERE (n:Recommendation AND n.documentSymbol = $symbol)
       OR (n:DocumentParagraph AND n.document = $symbol) OR (n:Document AND n.symbol = $symbol)
     OPTIONAL MATCH (n)-[:FROM_SOURCE]->(s:SourceRecord)
     DETACH DELETE n, s`,
    { symbol },
  );
}

export interface DocumentScope {
  /** A symbol suffix unique to this test: `CEDAW/C/ARG/CO/7${tag}`. */
  readonly tag: string;
  /** A copy of a fixture (or text) in this scope's temporary folder. */
  file(name: string, content?: string | Buffer): string;
  import(files: readonly string[], options: DocumentOptions): ReturnType<typeof importDocuments>;
  cleanup(db: Db): Promise<void>;
}

/** One scope per call; every scope's data is removed after the file's tests. */
export function documentScopes(t: TestApp): () => DocumentScope {
  const scopes: DocumentScope[] = [];
  afterAll(async () => {
    for (const scope of scopes) await scope.cleanup(t.db);
  });
  return () => {
    const tag = uniqueId('/T').replace(/-/g, '');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-documents-'));
    const symbols = new Set<string>();
    const scope: DocumentScope = {
      tag,
      file(name, content) {
        const target = path.join(dir, name);
        fs.writeFileSync(target, content ?? fs.readFileSync(path.join(DOCUMENT_FIXTURES, name)));
        return target;
      },
      async import(files, options) {
        if (options.symbol) symbols.add(options.symbol);
        return importDocuments(t, await documentInputs(files, options));
      },
      async cleanup(db) {
        for (const symbol of symbols) await removeDocument(db, symbol);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
    scopes.push(scope);
    return scope;
  };
}
