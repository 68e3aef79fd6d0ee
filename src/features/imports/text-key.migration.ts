import { sha256 } from '../../db/migrate.ts';
import type { CodeMigration } from '../../db/migrate.ts';
import { cypher } from '../../db/cypher.ts';
import { textKey } from './identity.ts';

const PAGE = 5000;

/**
 * V0005: gives recommendations imported before textKey existed their key (computed in code: it
 * fingerprints the wording). Pages through the recommendations without one; idempotent.
 */
export const textKeyMigration: CodeMigration = {
  version: 'V0005',
  description: 'text keys of existing recommendations',
  checksum: () => sha256('textKey v1: mechanism/state/c{cycle}/uprTextFingerprint(text)'),
  apply: async (tx) => {
    for (;;) {
      const rows = await tx.run<{
        id: string;
        mechanism: string;
        state: string;
        cycle: number | null;
        text: string;
      }>(cypher('imports/find-recommendations-without-text-key'), { limit: PAGE });
      if (!rows.length) return;
      await tx.run(cypher('imports/set-text-keys'), {
        rows: rows.map((r) => ({ id: r.id, textKey: textKey(r) })),
      });
    }
  },
};
