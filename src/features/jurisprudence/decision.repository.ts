import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { TreatyArticle } from './article-codes.ts';

/** A decision as stored (docs/jurisprudence.md, "Decisions and treaty articles"). */
export interface Decision {
  readonly id: string;
  readonly symbol: string | null;
  /** The deciding body's mechanism code: CCPR, CAT, CERD, CEDAW, CRPD, CESCR, CRC, ECtHR. */
  readonly body: string;
  readonly kind: string | null;
  readonly outcome: string | null;
  /** ISO date (yyyy-mm-dd). */
  readonly date: string | null;
  readonly year: number | null;
  readonly communicationNumber: string | null;
  readonly communicationNumbers: readonly string[];
  readonly applicationNumber: string | null;
  readonly applicationNumbers: readonly string[];
  readonly title: string | null;
  readonly session: string | null;
  readonly issues: readonly string[];
  /** ISO3 codes of the respondent state(s) (several when the source does not say which). */
  readonly respondents: readonly string[];
  readonly ambiguousRespondent: boolean;
  /** ISO3 codes of the countries of feared return, when the source tells them apart. */
  readonly returnStates: readonly string[];
  readonly url: string | null;
  readonly dataset: string;
  readonly sourceId: string;
  readonly sourceIds: readonly string[];
  readonly sortKey: string;
}

/** One decision ready to write: its properties and links. */
export interface DecisionWrite {
  readonly id: string;
  readonly properties: Omit<Decision, 'id'> & {
    readonly searchText: string;
    readonly contentHash: string;
  };
  readonly respondents: readonly string[];
  readonly ambiguousRespondent: boolean;
  readonly returnStates: readonly string[];
  readonly articles: readonly (TreatyArticle & { readonly violated: boolean | null })[];
}

export interface DecisionImportTargets {
  readonly states: { iso3: string; name: string; names: string[] }[];
  readonly mechanisms: string[];
}

export interface DecisionListParams {
  readonly bodies: readonly string[] | null;
  readonly outcomes: readonly string[] | null;
  readonly states: readonly string[] | null;
  readonly articles: readonly string[] | null;
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
  readonly text: string | null;
}

export async function findImportTargets({ db }: DbContext): Promise<DecisionImportTargets> {
  const [row] = await db.read<DecisionImportTargets & Record<string, unknown>>(
    cypher('jurisprudence/decisions-find-import-targets'),
  );
  return row ?? { states: [], mechanisms: [] };
}

/** The content hash of each stored decision among `ids`. */
export async function findContentHashes(
  { db }: DbContext,
  ids: readonly string[],
): Promise<Map<string, string | null>> {
  const rows = await db.read<{ id: string; contentHash: string | null }>(
    cypher('jurisprudence/decisions-find-hashes'),
    { ids },
  );
  return new Map(rows.map((r) => [r.id, r.contentHash]));
}

/** Writes one batch of decisions in one transaction. */
export async function writeDecisions(
  { db }: DbContext,
  decisions: readonly DecisionWrite[],
): Promise<void> {
  await db.write(cypher('jurisprudence/decisions-write'), { decisions });
}

export async function findDecisionsByIds(
  { db }: DbContext,
  ids: readonly string[],
): Promise<Decision[]> {
  return (
    await db.read<{ decision: Decision }>(cypher('jurisprudence/decisions-find-by-ids'), { ids })
  ).map((r) => r.decision);
}

/** The articles each decision applies, rows shaped { key: decision id, items }. */
export function findDecisionArticles(
  { db }: DbContext,
  ids: readonly string[],
): Promise<{ key: string; items: { code: string; violated: boolean | null }[] }[]> {
  return db.read(cypher('jurisprudence/decisions-find-articles'), { ids });
}

/** Up to `limit` decisions matching the filter, after/before a sort key. */
export async function listDecisions(
  { db }: DbContext,
  params: DecisionListParams & {
    readonly afterKey: string | null;
    readonly beforeKey: string | null;
    readonly limit: number;
    readonly backward: boolean;
  },
): Promise<Decision[]> {
  const { backward, ...rest } = params;
  const query = backward
    ? cypher('jurisprudence/decisions-list-backward')
    : cypher('jurisprudence/decisions-list-forward');
  return (await db.read<{ decision: Decision }>(query, rest)).map((r) => r.decision);
}

export async function countDecisions(
  { db }: DbContext,
  params: DecisionListParams,
): Promise<number> {
  const [row] = await db.read<{ total: number }>(cypher('jurisprudence/decisions-count'), {
    ...params,
  });
  return row?.total ?? 0;
}

/** The decisions against each state, rows shaped { key: iso3, items }. */
export function findDecisionsByStates(
  { db }: DbContext,
  iso3s: readonly string[],
): Promise<{ key: string; items: Decision[] }[]> {
  return db.read(cypher('jurisprudence/decisions-find-by-states'), { iso3s });
}
