import { sha256 } from '../../db/migrate.ts';
import type { CodeMigration } from '../../db/migrate.ts';
import { cypher } from '../../db/cypher.ts';
import { textKey } from './identity.ts';
import { SOURCE_KEY_SEPARATOR } from './import.repository.ts';

const PAGE = 5000;

/**
 * V0005: brings recommendations imported before cross-source identity up to date: their
 * `textKey` (computed in code: it fingerprints the wording), and the `sources` of their links
 * (their own source records), so a second source joining them replaces none of what the first
 * said. Pages through what is missing; idempotent.
 */
export const textKeyMigration: CodeMigration = {
  version: 'V0005',
  description: 'text keys and link sources of existing recommendations',
  checksum: () =>
    sha256('textKey v1: mechanism/state/c{cycle}/uprTextFingerprint(text); link sources v1'),
  apply: async (tx) => {
    for (;;) {
      const [page] = await tx.run<{ done: number }>(cypher('imports/set-link-sources'), {
        limit: PAGE,
        separator: SOURCE_KEY_SEPARATOR,
      });
      if (!page?.done) break;
    }
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
