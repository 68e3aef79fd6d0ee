/**
 * The demo datasets, loaded when the graph has no recommendations so a new user's first query
 * returns real data across mechanisms and languages: OHCHR's thematic list of UPR
 * recommendations to Slovenia, cycles 2-4 (632, English), and CLADEM's compilation of what the
 * treaty bodies, the UPR, MESECVI and the IACHR recommended to 15 Latin American states on
 * women's rights (Spanish, CC BY-SA 4.0). See demo/SOURCE.md.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';
import type { DbContext } from '../../graphql/context.ts';
import type { Logger } from '../../core/logger.ts';
import { cypher } from '../../db/cypher.ts';
import { countRecommendations } from './import.repository.ts';
import { datasetOf } from './formats.ts';
import { CLADEM_DATASET } from './documents/cladem.ts';
import { runImport, type ImportSummary } from './import.service.ts';
import { readCladem } from './documents/cladem.ts';
import { importDocuments } from './documents/document-import.service.ts';

export const DEMO_FILE = path.join(
  PROJECT_ROOT,
  'demo',
  'slovenia_upr_thematic_recommendations_c2-c4.csv',
);

/** CLADEM's corpus, as published (manifest and raw Markdown; see demo/cladem/SOURCE.md). */
export const DEMO_CLADEM_FOLDER = path.join(PROJECT_ROOT, 'demo', 'cladem');

export interface DemoResult {
  readonly loaded: boolean;
  readonly recommendations: number;
}

/** Imports the demo dataset (a second load changes nothing). */
export async function loadDemoData(ctx: DbContext, logger: Logger): Promise<ImportSummary> {
  const summary = await runImport(ctx, {
    files: [DEMO_FILE],
    format: 'ohchr-thematic-list',
    strict: true,
    onWarning: (warning) => logger.warn({ line: warning.line }, `demo data: ${warning.reason}`),
  });
  if (!summary.written) {
    // The shipped file is known-good; a rejection here means the reference data or parser broke.
    const first = summary.rejections[0];
    throw new Error(
      `demo data: ${summary.rejected} rows rejected, first: line ${first?.line}: ${first?.reason}`,
    );
  }
  logger.info(
    {
      created: summary.created,
      updated: summary.updated,
      unchanged: summary.unchanged,
      seconds: summary.seconds,
    },
    'loaded the demo dataset (Slovenia, UPR cycles 2-4)',
  );
  const cladem = await importDocuments(ctx, readCladem(DEMO_CLADEM_FOLDER).documents);
  await ctx.db.write(cypher('imports/mark-demo-loaded'));
  logger.info(
    {
      documents: cladem.documents.length,
      created: cladem.created,
      updated: cladem.updated,
      unchanged: cladem.unchanged,
      seconds: cladem.seconds,
    },
    "loaded the demo dataset (CLADEM: treaty bodies, UPR, MESECVI and IACHR on women's rights in 15 Latin American states)",
  );
  return summary;
}

/** The datasets the demo's recommendations come from. */
const DEMO_DATASETS = [datasetOf('ohchr-thematic-list', DEMO_FILE), CLADEM_DATASET];

/**
 * Loads the demo datasets when the graph holds no recommendation at all, and finishes a demo
 * load that was interrupted (the graph holds only demo recommendations, and not the marker
 * written when the load completed).
 */
export async function ensureDemoData(ctx: DbContext, logger: Logger): Promise<DemoResult> {
  const existing = await countRecommendations(ctx);
  if (existing > 0) {
    const [state] = await ctx.db.read<{ complete: boolean; other: boolean | null }>(
      cypher('imports/find-demo-state'),
      { datasets: DEMO_DATASETS },
    );
    if (state?.complete || state?.other) return { loaded: false, recommendations: existing };
    logger.info('the demo load was not finished: loading the demo datasets again');
  }
  await loadDemoData(ctx, logger);
  return { loaded: true, recommendations: await countRecommendations(ctx) };
}
