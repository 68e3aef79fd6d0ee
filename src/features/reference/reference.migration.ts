import { cypher } from '../../db/cypher.ts';
import type { CodeMigration } from '../../db/migrate.ts';
import type { Tx } from '../../db/run.ts';
import { readReferenceData, referenceChecksum } from './reference-data.ts';

/**
 * Loads every reference table (reference/SOURCES.md) into the graph: states (ISO 3166, M49
 * regions, UN names in six languages), mechanisms and the bodies they belong to, UPR cycles, SDG
 * goals and targets, the instruments and the ratification status of the core UN ones.
 * Idempotent: MERGE on natural keys, and links the tables no longer state (a mechanism's former
 * parent, an instrument's former monitoring body) are removed.
 */
async function loadReferenceData(tx: Tx): Promise<void> {
  const data = readReferenceData();
  await tx.run(cypher('reference/merge-regions'), { regions: data.regions });
  await tx.run(cypher('reference/merge-states'), {
    states: data.states.map(({ namesByLanguage, ...state }) => ({
      ...state,
      namesEn: namesByLanguage['en'] ?? [],
      namesFr: namesByLanguage['fr'] ?? [],
      namesEs: namesByLanguage['es'] ?? [],
      namesRu: namesByLanguage['ru'] ?? [],
      namesZh: namesByLanguage['zh'] ?? [],
      namesAr: namesByLanguage['ar'] ?? [],
    })),
  });
  await tx.run(cypher('reference/merge-mechanisms'), { mechanisms: data.mechanisms });
  await tx.run(cypher('reference/merge-cycles'), { cycles: data.cycles });
  await tx.run(cypher('reference/merge-sdgs'), { goals: data.sdgGoals, targets: data.sdgTargets });
  await tx.run(cypher('reference/merge-instruments'), { instruments: data.instruments });
  await tx.run(cypher('reference/merge-ratifications'), { ratifications: data.ratifications });
}

/**
 * V0003: the reference data as first shipped. Its checksum is pinned to the tables it was first
 * applied with (computed by `referenceChecksum` at commit 222dc4f), so that databases that have
 * it keep it when the tables change; on a new database it loads the tables as they are now.
 */
export const referenceDataMigration: CodeMigration = {
  version: 'V0003',
  description: 'reference data',
  checksum: () => '4d896e860f6280ffea582aa4ef8b5d4f0a4dbc6699045c04c606ef82887f2cae',
  apply: loadReferenceData,
};

/**
 * V0013: reloads the reference data after the tables changed (issue 26: mechanisms' parents, the
 * women's-rights bodies of the regional systems, the regional instruments). Its checksum covers
 * the tables: changing them again needs a new version here (pin this one's checksum as V0003's
 * is pinned, and add the next), since the runner refuses an applied migration whose inputs changed.
 */
export const referenceDataReloadMigration: CodeMigration = {
  version: 'V0013',
  description: 'reference data: mechanism parents, regional bodies and instruments',
  checksum: referenceChecksum,
  apply: loadReferenceData,
};
