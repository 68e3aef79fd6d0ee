import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';

export interface Theme {
  /** The vocabulary: UHRI, UHRI_LEGACY (coded, e.g. A12), or a source's own (UPR_INFO). */
  readonly scheme: string;
  readonly code: string;
  readonly label: string;
}

export interface AffectedGroup {
  readonly code: string;
  readonly label: string;
}

export async function findThemes({ db }: DbContext, scheme: string | null): Promise<Theme[]> {
  return (await db.read<{ theme: Theme }>(cypher('themes/find-all'), { scheme })).map(
    (row) => row.theme,
  );
}

export async function findAffectedGroups({ db }: DbContext): Promise<AffectedGroup[]> {
  return (await db.read<{ group: AffectedGroup }>(cypher('themes/find-affected-groups'))).map(
    (row) => row.group,
  );
}
