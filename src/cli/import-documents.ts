/**
 * `recgraph import --format document|cladem`: documents (concluding observations, reports) and
 * CLADEM's corpus, with a line per document on stderr as they are written, a summary on stdout
 * and with --json a last line of JSON. See docs/importing.md#documents.
 */
import { embedCommand } from './embed.ts';
import type { Db } from '../db/run.ts';
import {
  documentInputs,
  importDocuments,
  readCladem,
  type DocumentImportSummary,
  type DocumentOptions,
} from '../features/imports/index.ts';

export const DOCUMENT_FORMATS = ['document', 'cladem'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

export interface DocumentCommandOptions extends DocumentOptions {
  readonly json?: boolean;
  readonly dryRun?: boolean;
}

/** Imports documents or the CLADEM corpus; returns the exit code. */
export async function documentsCommand(
  db: Db,
  format: DocumentFormat,
  files: string[],
  options: DocumentCommandOptions,
): Promise<number> {
  let inputs;
  let indexNote = '';
  if (format === 'cladem') {
    if (files.length !== 1)
      throw new Error('--format cladem takes one folder: the corpus (with manifest.csv)');
    const corpus = readCladem(files[0]!);
    inputs = corpus.documents;
    indexNote = `thematic index: ${corpus.indexEntries} entries, ${corpus.unresolvedIndexEntries.length} point to reviews or paragraphs the corpus does not have`;
  } else {
    inputs = await documentInputs(files, options);
  }
  const started = Date.now();
  const summary = await importDocuments({ db }, inputs, {
    dryRun: options.dryRun,
    onDocument: (result, index, total) => {
      for (const warning of result.warnings)
        process.stderr.write(`${result.name}: warning: ${warning}\n`);
      if (format === 'document' || Date.now() - started > 0) {
        process.stderr.write(
          `[${index + 1}/${total}] ${result.symbol}: ${result.units} units, ${result.byKind.RECOMMENDATION} recommendations (created ${result.created}, updated ${result.updated}, unchanged ${result.unchanged}${result.joined ? `, joined ${result.joined}` : ''})${result.changedParagraphs.length ? `; changed: ${result.changedParagraphs.join(', ')}` : ''}\n`,
        );
      }
    },
  });
  process.stdout.write(humanSummary(summary, indexNote, options));
  if (summary.written && summary.created + summary.updated > 0) {
    await embedCommand(db, { json: false, quietWhenNothing: true });
  }
  if (options.json) {
    process.stdout.write(
      `${JSON.stringify({
        format,
        documents: summary.documents.length,
        units: summary.units,
        recommendations: summary.recommendations,
        created: summary.created,
        updated: summary.updated,
        unchanged: summary.unchanged,
        joined: summary.joined,
        written: summary.written,
        seconds: summary.seconds,
        changed: summary.documents
          .filter((d) => d.changedParagraphs.length)
          .map((d) => ({ symbol: d.symbol, paragraphs: d.changedParagraphs })),
      })}\n`,
    );
  }
  return 0;
}

function humanSummary(
  s: DocumentImportSummary,
  indexNote: string,
  options: DocumentCommandOptions,
) {
  const byKind = new Map<string, number>();
  for (const d of s.documents)
    for (const [kind, n] of Object.entries(d.byKind)) byKind.set(kind, (byKind.get(kind) ?? 0) + n);
  const lines = [
    `documents ${s.documents.length}: ${s.units} paragraph units (${[...byKind].map(([k, n]) => `${k.toLowerCase()} ${n}`).join(', ')})`,
    `recommendations: created ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}${s.joined ? `, joined ${s.joined} that another source had brought` : ''} in ${s.seconds} s`,
  ];
  if (indexNote) lines.push(indexNote);
  if (options.dryRun) lines.push('dry run: nothing was written');
  return `${lines.join('\n')}\n`;
}
