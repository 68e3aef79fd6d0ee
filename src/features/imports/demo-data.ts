/**
 * The demo dataset: OHCHR's thematic list of UPR recommendations to Slovenia, cycles 2-4
 * (632 recommendations; see demo/SOURCE.md), loaded when the graph has no recommendations so a new
 * user's first query returns real data.
 */
import path from 'node:path';
import { PROJECT_ROOT } from '../../core/config.ts';
import type { DbContext } from '../../graphql/context.ts';
import type { Logger } from '../../core/logger.ts';
import { countRecommendations } from './import.repository.ts';
import { runImport, type ImportSummary } from './import.service.ts';

export const DEMO_FILE = path.join(
  PROJECT_ROOT,
  'demo',
  'slovenia_upr_thematic_recommendations_c2-c4.csv',
);

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
  return summary;
}

/** Loads the demo dataset only when the graph holds no recommendation at all. */
export async function ensureDemoData(ctx: DbContext, logger: Logger): Promise<DemoResult> {
  const existing = await countRecommendations(ctx);
  if (existing > 0) return { loaded: false, recommendations: existing };
  await loadDemoData(ctx, logger);
  return { loaded: true, recommendations: await countRecommendations(ctx) };
}
