/**
 * The demo dataset: OHCHR's thematic list of UPR recommendations to Slovenia, cycles 2-4
 * (632 recommendations; see demo/SOURCE.md), loaded when the graph has no recommendations so a new
 * user's first query returns real data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../config.ts';
import type { DbContext } from '../../context.ts';
import type { Logger } from '../../logger.ts';
import { readUprSessions } from '../reference/index.ts';
import { stateNameIndex } from '../states/index.ts';
import { countRecommendations, upsertRecommendations } from './import.repository.ts';
import { parseOhchrThematicList } from './ohchr-thematic-list.ts';

export const DEMO_FILE = path.join(
  PROJECT_ROOT,
  'demo',
  'slovenia_upr_thematic_recommendations_c2-c4.csv',
);
export const DEMO_DATASET = 'ohchr-thematic-list:slovenia-c2-c4';

export interface DemoResult {
  readonly loaded: boolean;
  readonly recommendations: number;
}

/** Loads the demo dataset (idempotent: a second load rewrites the same nodes). */
export async function loadDemoData(ctx: DbContext, logger: Logger): Promise<number> {
  const started = Date.now();
  const parsed = parseOhchrThematicList(fs.readFileSync(DEMO_FILE), {
    dataset: DEMO_DATASET,
    names: await stateNameIndex({ ctx }),
    sessions: readUprSessions(),
  });
  if (parsed.rejected.length) {
    // The shipped file is known-good; a rejection here means the reference data or parser broke.
    throw new Error(
      `demo data: ${parsed.rejected.length} rows rejected, first: line ${parsed.rejected[0]!.line}: ${parsed.rejected[0]!.reason}`,
    );
  }
  for (const warning of parsed.warnings)
    logger.warn({ line: warning.line }, `demo data: ${warning.reason}`);
  const written = await upsertRecommendations(ctx, parsed.records);
  logger.info(
    { recommendations: written, ms: Date.now() - started },
    'loaded the demo dataset (Slovenia, UPR cycles 2-4)',
  );
  return written;
}

/** Loads the demo dataset only when the graph holds no recommendation at all. */
export async function ensureDemoData(ctx: DbContext, logger: Logger): Promise<DemoResult> {
  const existing = await countRecommendations(ctx);
  if (existing > 0) return { loaded: false, recommendations: existing };
  return { loaded: true, recommendations: await loadDemoData(ctx, logger) };
}
