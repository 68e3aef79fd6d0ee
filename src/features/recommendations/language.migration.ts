import { guessLanguage } from '../../core/language.ts';
import { cypher } from '../../db/cypher.ts';
import { sha256, type CodeMigration } from '../../db/migrate.ts';

const PAGE = 5000;

/**
 * V0012: brings recommendations imported before per-language search up to date. Those with no
 * language get one guessed from their text (as imports now do, `guessLanguage`), and every one
 * in English, Spanish or French gets the label that puts its text in that language's full-text
 * index (V0011; docs/graph-model.md#full-text-search). Idempotent.
 */
export const languageMigration: CodeMigration = {
  version: 'V0012',
  description: 'languages and language labels of existing recommendations',
  checksum: () =>
    sha256('language v1: franc-min 6 among the six UN languages; labels TextEn, TextEs, TextFr'),
  apply: async (tx) => {
    let after = '';
    for (;;) {
      const rows = await tx.run<{ id: string; text: string | null }>(
        cypher('recommendations/find-without-language'),
        { after, limit: PAGE },
      );
      if (!rows.length) break;
      after = rows.at(-1)!.id;
      const guessed = rows.flatMap((r) => {
        const language = r.text ? guessLanguage(r.text) : null;
        return language ? [{ id: r.id, language }] : [];
      });
      if (guessed.length) await tx.run(cypher('recommendations/set-languages'), { rows: guessed });
    }
    await tx.run(cypher('recommendations/label-text-languages'));
  },
};
