import { cypher } from '../../db/cypher.ts';
import type { CodeMigration } from '../../db/migrate.ts';
import { readReferenceData, referenceChecksum } from './reference-data.ts';

/**
 * V0003: states (ISO 3166, M49 regions, UN names in six languages), mechanisms, UPR cycles, SDG
 * goals and targets, the 18 core UN instruments and their ratification status. Idempotent (MERGE
 * on natural keys); a changed reference table needs a new migration version.
 */
export const referenceDataMigration: CodeMigration = {
  version: 'V0003',
  description: 'reference data',
  checksum: referenceChecksum,
  apply: async (tx) => {
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
  },
};
