/**
 * `npm run bench:documents`: imports CLADEM's whole corpus (../shared/data, 384 reviews) into a
 * fresh embedded Neo4j, then again unchanged, then the three assembled UPR documents of
 * eval/documents/assemble.py (Word, text, Markdown), and prints times and counts. For the
 * ratio, the same CLADEM recommendations are also written as NDJSON records through the
 * ordinary import (no document nodes, no context) in another fresh store. Options: --runs N.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  documentInputs,
  exportNdjson,
  importDocuments,
  readCladem,
  runImport,
} from '../src/features/imports/index.ts';
import { PROJECT_ROOT } from '../src/core/config.ts';
import { SHARED_DATA, freshStore } from './support.ts';

const CLADEM = path.join(SHARED_DATA, 'cladem-women-rights-latam');
const seconds = (from: number) => Math.round((performance.now() - from) / 10) / 100;

const corpus = readCladem(CLADEM);
const store = await freshStore('recgraph-bench-documents-');
try {
  const ctx = { db: store.db };
  let started = performance.now();
  const first = await importDocuments(ctx, corpus.documents);
  const firstSeconds = seconds(started);
  started = performance.now();
  const again = await importDocuments(ctx, corpus.documents);
  const againSeconds = seconds(started);
  console.log(
    `CLADEM: ${first.documents.length} documents, ${first.units} units, ${first.recommendations} recommendations`,
  );
  console.log(`  first import ${firstSeconds} s (created ${first.created})`);
  console.log(
    `  re-import    ${againSeconds} s (unchanged ${again.unchanged}, created ${again.created}, updated ${again.updated})`,
  );

  // The same recommendations through the ordinary NDJSON import, as the baseline.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-bench-documents-'));
  const ndjson = path.join(dir, 'cladem.ndjson');
  const lines: string[] = [];
  for await (const line of exportNdjson(ctx)) lines.push(line);
  fs.writeFileSync(ndjson, `${lines.join('\n')}\n`);
  const baseline = await freshStore('recgraph-bench-documents-ndjson-');
  try {
    started = performance.now();
    const plain = await runImport({ db: baseline.db }, { files: [ndjson] });
    const plainSeconds = seconds(started);
    console.log(
      `  baseline: the same ${plain.created} recommendations as NDJSON through the ordinary import ${plainSeconds} s; documents/NDJSON ${(firstSeconds / plainSeconds).toFixed(2)}`,
    );
  } finally {
    await baseline.stop();
  }

  // Three documents that are not CLADEM's.
  execFileSync('python3', [path.join(PROJECT_ROOT, 'eval', 'documents', 'assemble.py'), dir], {
    stdio: 'ignore',
  });
  for (const name of fs
    .readdirSync(dir)
    .filter((f) => /\.(docx|txt|md)$/u.test(f))
    .sort()) {
    started = performance.now();
    const result = await importDocuments(ctx, await documentInputs([path.join(dir, name)], {}));
    const d = result.documents[0]!;
    console.log(
      `  ${name}: ${d.units} units, ${d.byKind.RECOMMENDATION} recommendations, created ${d.created}, ${d.warnings.length} warnings, ${seconds(started)} s`,
    );
    for (const warning of d.warnings) console.log(`    warning: ${warning}`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
} finally {
  await store.stop();
}
