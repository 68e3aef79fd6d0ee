/** Shared by the decision tests: the fixture folder, and removing what its imports wrote. */
import path from 'node:path';
import type { Db } from '../../../src/db/run.ts';

export const FIXTURES = path.join(import.meta.dirname, '../../fixtures/jurisprudence/decisions');

/** Removes the decisions of the fixture datasets, and treaty articles left without any link. */
export async function removeFixtureDecisions(db: Db): Promise<void> {
  await db.write(
    "MATCH (d:Decision) WHERE d.dataset IN ['ohchr-juris-2016-05-07', 'echr-od', 'hudoc-export'] DETACH DELETE d",
  );
  await db.write('MATCH (a:TreatyArticle) WHERE NOT (a)--() DELETE a');
}
