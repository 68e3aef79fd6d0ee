/** Shared by the decision tests: the fixture folder, and removing what its imports wrote. */
import path from 'node:path';
import type { Db } from '../../../src/db/run.ts';
import { refreshAllClusterSignals } from '../../../src/features/analytics-store/index.ts';

export const FIXTURES = path.join(import.meta.dirname, '../../fixtures/jurisprudence/decisions');

/**
 * Removes the decisions of the fixture datasets, and treaty articles left without any link, and
 * refreshes the cluster signals of the states they were against (ADVERSE_JURISPRUDENCE rests on
 * them), so that the stored signals other tests compare stay true.
 */
export async function removeFixtureDecisions(db: Db): Promise<void> {
  const rows = await db.read<{ iso3: string }>(
    `MATCH (d:Decision)-[:AGAINST]->(s:State)
     WHERE d.dataset IN ['ohchr-juris-2016-05-07', 'echr-od', 'hudoc-export']
     RETURN DISTINCT s.iso3 AS iso3`,
  );
  await db.write(
    "MATCH (d:Decision) WHERE d.dataset IN ['ohchr-juris-2016-05-07', 'echr-od', 'hudoc-export'] DETACH DELETE d",
  );
  await db.write('MATCH (a:TreatyArticle) WHERE NOT (a)--() DELETE a');
  if (rows.length) await refreshAllClusterSignals({ db }, rows.map((r) => r.iso3).sort());
}
