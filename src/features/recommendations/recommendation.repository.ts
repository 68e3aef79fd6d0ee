import Cypher from '@neo4j/cypher-builder';
import neo4j from 'neo4j-driver';
import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';
import type { PageRequest } from '../../core/pagination.ts';
import {
  ANALYSED_LANGUAGES,
  isAnalysedLanguage,
  type AnalysedLanguage,
} from '../../core/language.ts';
import type { SdgGoal, SdgTarget } from '../sdgs/index.ts';
import type { State } from '../states/index.ts';
import type { AffectedGroup, Theme } from '../themes/index.ts';

export interface Recommendation {
  readonly id: string;
  readonly text: string;
  readonly language: string | null;
  readonly paragraph: string | null;
  readonly date: string | null;
  readonly year: number | null;
  readonly cycle: number | null;
  readonly session: number | null;
  readonly response: string | null;
  readonly state: string;
  readonly mechanism: string;
  readonly documentSymbol: string | null;
  readonly recommendingStatesUnmatched: readonly string[] | null;
}

export interface Document {
  readonly symbol: string;
  readonly mechanism: string | null;
  readonly year: number | null;
  readonly review: string | null;
}

/** A filter already validated and normalised by the service (upper-case codes, integer years). */
export interface RecommendationQuery {
  readonly states?: readonly string[];
  readonly mechanisms?: readonly string[];
  readonly themes?: readonly string[];
  readonly affectedGroups?: readonly string[];
  readonly sdgGoals?: readonly string[];
  readonly sdgTargets?: readonly string[];
  readonly cycles?: readonly number[];
  readonly responses?: readonly string[];
  readonly years?: { readonly from?: number; readonly to?: number };
  readonly recommendingStates?: readonly string[];
  /** ISO 639-1 codes (lower case) of the texts' languages. */
  readonly languages?: readonly string[];
  /** A Lucene query that parses (text-query.ts), searched in the full-text indexes. */
  readonly text?: string;
}

/**
 * The full-text index of each analysed language (V0011) and the label that puts a text in it;
 * texts in other languages are found in `recommendation_text` (V0002, Neo4j's default analyzer),
 * which holds every text (docs/graph-model.md#full-text-search).
 */
const TEXT_INDEXES: Readonly<Record<AnalysedLanguage, { index: string; label: string }>> = {
  en: { index: 'recommendation_text_en', label: 'TextEn' },
  es: { index: 'recommendation_text_es', label: 'TextEs' },
  fr: { index: 'recommendation_text_fr', label: 'TextFr' },
};
const STANDARD_TEXT_INDEX = 'recommendation_text';

/**
 * The start of a text search: the index of each language asked for (all without `languages`),
 * and the standard index for the texts none of those holds, as one CALL { … UNION ALL … } that
 * yields each matching recommendation once, as `r`. Scores are not compared across indexes: the
 * recommendations are ordered by id.
 */
function textSearch(
  text: string,
  languages: readonly string[] | undefined,
  r: Cypher.Node,
): Cypher.Clause {
  const query = new Cypher.Param(text);
  const queryNodes = (index: string) =>
    Cypher.db.index.fulltext.queryNodes(index, query).yield(['node', r]);
  const branches: Cypher.Clause[] = ANALYSED_LANGUAGES.filter(
    (language) => !languages || languages.includes(language),
  ).map((language) => queryNodes(TEXT_INDEXES[language].index));
  const others = languages?.filter((language) => !isAnalysedLanguage(language));
  if (!others || others.length) {
    const unanalysed = others
      ? Cypher.in(r.property('language'), new Cypher.Param(others))
      : Cypher.not(
          Cypher.or(
            ...ANALYSED_LANGUAGES.map((language) => r.hasLabel(TEXT_INDEXES[language].label)),
          )!,
        );
    branches.push(
      Cypher.utils.concat(queryNodes(STANDARD_TEXT_INDEX), new Cypher.With(r).where(unanalysed)),
    );
  }
  if (branches.length === 1) return branches[0]!;
  return new Cypher.Call(
    new Cypher.Union(...branches.map((b) => Cypher.utils.concat(b, new Cypher.Return(r)))).all(),
    [],
  );
}

/**
 * Builds the MATCH/WHERE part shared by the page and count queries: properties copied onto the
 * recommendation for index seeks, EXISTS subqueries for the many-to-many filters, and a start
 * from the full-text index when `text` is given.
 */
function matchFiltered(
  query: RecommendationQuery,
  extra: (r: Cypher.Node) => Cypher.Predicate | undefined,
  options: { addressed?: boolean } = {},
) {
  const r = new Cypher.Node();
  /** (:FollowUpAction)-[:ADDRESSES]->(r), for `options.addressed`. */
  const addressed = () =>
    new Cypher.Pattern(new Cypher.Node(), { labels: ['FollowUpAction'] })
      .related({ type: 'ADDRESSES' })
      .to(r, { labels: ['Recommendation'] });
  const predicates: (Cypher.Predicate | undefined)[] = [];
  const inList = (property: string, values: readonly unknown[] | undefined) =>
    values?.length ? Cypher.in(r.property(property), new Cypher.Param([...values])) : undefined;
  const linked = (
    type: string,
    label: string,
    property: string,
    values: readonly string[] | undefined,
  ) => {
    if (!values?.length) return undefined;
    const other = new Cypher.Node();
    const pattern = new Cypher.Pattern(r).related({ type }).to(other, { labels: [label] });
    return new Cypher.Exists(
      new Cypher.Match(pattern).where(
        Cypher.in(other.property(property), new Cypher.Param([...values])),
      ),
    );
  };

  predicates.push(
    inList('state', query.states),
    inList('mechanism', query.mechanisms),
    inList('response', query.responses),
    inList(
      'cycle',
      query.cycles?.map((cycle) => neo4j.int(cycle)),
    ),
    query.years?.from !== undefined
      ? Cypher.gte(r.property('year'), new Cypher.Param(neo4j.int(query.years.from)))
      : undefined,
    query.years?.to !== undefined
      ? Cypher.lte(r.property('year'), new Cypher.Param(neo4j.int(query.years.to)))
      : undefined,
    linked('HAS_THEME', 'Theme', 'code', query.themes),
    linked('CONCERNS', 'AffectedGroup', 'code', query.affectedGroups),
    linked('SUPPORTS_SDG', 'SdgTarget', 'code', query.sdgTargets),
    linked('RECOMMENDED_BY', 'State', 'iso3', query.recommendingStates),
    // With a text search the indexes searched already hold only these languages.
    query.text === undefined ? inList('language', query.languages) : undefined,
    extra(r),
    // Only recommendations a follow-up action addresses; checked per row when the full-text index
    // is the start, else the actions are the start (below).
    options.addressed && query.text !== undefined
      ? new Cypher.Exists(new Cypher.Match(addressed()))
      : undefined,
  );
  if (query.sdgGoals?.length) {
    // A goal matches a recommendation linked to the goal itself or to one of its targets.
    const goal = new Cypher.Node();
    const direct = new Cypher.Pattern(r)
      .related({ type: 'SUPPORTS_SDG' })
      .to(goal, { labels: ['SdgGoal'] });
    const target = new Cypher.Node();
    const viaTarget = new Cypher.Pattern(r)
      .related({ type: 'SUPPORTS_SDG' })
      .to(target, { labels: ['SdgTarget'] });
    const goals = new Cypher.Param([...query.sdgGoals]);
    predicates.push(
      Cypher.or(
        new Cypher.Exists(new Cypher.Match(direct).where(Cypher.in(goal.property('code'), goals))),
        new Cypher.Exists(
          new Cypher.Match(viaTarget).where(Cypher.in(target.property('goal'), goals)),
        ),
      ),
    );
  }
  const where = Cypher.and(...predicates.filter((p): p is Cypher.Predicate => p !== undefined));

  const start = query.text !== undefined ? textSearch(query.text, query.languages, r) : undefined;
  /** Completes the statement: `finish` adds RETURN/ORDER BY/LIMIT to the filtered clause. */
  const build = (finish: (clause: Cypher.With) => Cypher.Clause): Cypher.Clause => {
    if (start) return Cypher.utils.concat(start, finish(new Cypher.With(r).where(where)));
    if (options.addressed) {
      // From the actions: follow-up is sparse, so this reads far fewer rows than all
      // recommendations.
      return Cypher.utils.concat(
        new Cypher.Match(addressed()),
        finish(new Cypher.With(r).distinct().where(where)),
      );
    }
    const match = new Cypher.Match(new Cypher.Pattern(r, { labels: ['Recommendation'] })).where(
      where,
    );
    return Cypher.utils.concat(match, finish(new Cypher.With(r)));
  };
  return { r, build };
}

/** The Cypher and parameters for one page of `query` (see findRecommendationsPage). */
export function buildPageStatement(
  query: RecommendationQuery,
  page: PageRequest,
): { cypher: string; params: Record<string, unknown> } {
  const forward = page.direction === 'forward';
  const { r, build } = matchFiltered(query, (node) =>
    Cypher.and(
      page.afterKey !== undefined
        ? Cypher.gt(node.property('id'), new Cypher.Param(page.afterKey))
        : undefined,
      page.beforeKey !== undefined
        ? Cypher.lt(node.property('id'), new Cypher.Param(page.beforeKey))
        : undefined,
    ),
  );
  const projection = new Cypher.Raw(
    (env) => `${env.compile(r)} {.*, date: toString(${env.compile(r)}.date)}`,
  );
  return build((clause) =>
    clause
      .return([projection, 'recommendation'])
      .orderBy([r.property('id'), forward ? 'ASC' : 'DESC'])
      .limit(new Cypher.Param(neo4j.int(page.size + 1))),
  ).build();
}

/** The Cypher and parameters that count the recommendations matching `query`. */
export function buildCountStatement(query: RecommendationQuery): {
  cypher: string;
  params: Record<string, unknown>;
} {
  const { r, build } = matchFiltered(query, () => undefined);
  return build((clause) => clause.return([Cypher.count(r), 'count'])).build();
}

/** The dimensions recommendations can be counted by (recommendationStats). */
export const STATS_DIMENSIONS = [
  'STATE',
  'REGION',
  'MECHANISM',
  'THEME',
  'SDG_GOAL',
  'RESPONSE',
  'YEAR',
  'CYCLE',
  'ACTION_STATUS',
  'ASSESSMENT',
  'REPEATS',
  'LANGUAGE',
] as const;
export type StatsDimension = (typeof STATS_DIMENSIONS)[number];

/**
 * For each dimension, the body of a subquery over one recommendation `r` returning its values
 * as `k` (one row per value; a null row when it has none). Fixed text: only the recommendation's
 * variable is interpolated, as compiled by cypher-builder.
 */
const DIMENSION_VALUES: Record<StatsDimension, (r: string) => string> = {
  STATE: (r) => `RETURN ${r}.state AS k`,
  // The M49 region (the state's lowest level, e.g. 039 Southern Europe).
  REGION: (r) =>
    `OPTIONAL MATCH (:State {iso3: ${r}.state})-[:IN_REGION]->(g:Region) RETURN g.code AS k LIMIT 1`,
  MECHANISM: (r) => `RETURN ${r}.mechanism AS k`,
  THEME: (r) => `OPTIONAL MATCH (${r})-[:HAS_THEME]->(t:Theme) RETURN t.scheme + ':' + t.code AS k`,
  // A goal counts once whether the recommendation links the goal or one of its targets.
  SDG_GOAL: (r) =>
    `OPTIONAL MATCH (${r})-[:SUPPORTS_SDG]->(x) WITH DISTINCT coalesce(x.goal, x.code) AS k RETURN k`,
  RESPONSE: (r) => `RETURN ${r}.response AS k`,
  YEAR: (r) => `RETURN toString(${r}.year) AS k`,
  CYCLE: (r) => `RETURN toString(${r}.cycle) AS k`,
  ACTION_STATUS: (r) =>
    `OPTIONAL MATCH (a:FollowUpAction)-[:ADDRESSES]->(${r}) WITH DISTINCT a.status AS k RETURN k`,
  // REPEATS_EARLIER when it repeats an earlier recommendation (a later cycle or review, or "as
  // previously recommended"), else FIRST_ASKED.
  REPEATS: (r) =>
    `RETURN CASE WHEN EXISTS { (${r})-[:REPEATS]->(:Recommendation) } THEN 'REPEATS_EARLIER' ELSE 'FIRST_ASKED' END AS k`,
  LANGUAGE: (r) => `RETURN ${r}.language AS k`,
  // The common grade of the latest assessment.
  ASSESSMENT: (r) =>
    `OPTIONAL CALL (${r}) { MATCH (s:Assessment)-[:ASSESSES]->(${r}) RETURN s.commonGrade AS g ORDER BY s.date DESC, s.recordedAt DESC LIMIT 1 } RETURN g AS k`,
};

/**
 * The Cypher counting the recommendations matching `query` by one to three dimensions; with
 * `addressed`, only those at least one follow-up action addresses (the coverage matrix).
 */
export function buildStatsStatement(
  query: RecommendationQuery,
  dimensions: readonly StatsDimension[],
  options: { addressed?: boolean } = {},
): { cypher: string; params: Record<string, unknown> } {
  const { r, build } = matchFiltered(query, () => undefined, options);
  const grouping = new Cypher.Raw((env) => {
    const node = env.compile(r);
    const calls = dimensions
      .map((dimension, i) => {
        const body = DIMENSION_VALUES[dimension](node).replace(/ AS k\b/gu, ` AS k${i}`);
        return `CALL (${node}) { ${body.replace(/\bk\b/gu, `k${i}`)} }`;
      })
      .join('\n');
    const keys = dimensions.map((_, i) => `k${i}`).join(', ');
    return `${calls}\nRETURN [${keys}] AS keys, count(*) AS count ORDER BY count DESC, keys`;
  });
  return build((clause) => Cypher.utils.concat(clause, grouping)).build();
}

/** One bucket of recommendationStats; `withAction` only in the coverage matrix. */
export interface StatsBucket {
  readonly keys: (string | null)[];
  readonly count: number;
  readonly withAction?: number;
}

export async function findRecommendationStats(
  { db }: DbContext,
  query: RecommendationQuery,
  dimensions: readonly StatsDimension[],
  options: { addressed?: boolean } = {},
): Promise<StatsBucket[]> {
  const { cypher: text, params } = buildStatsStatement(query, dimensions, options);
  return db.read<StatsBucket & Record<string, unknown>>(text, params);
}

/**
 * One page of recommendations matching `query`, ordered by id; fetches `page.size + 1` rows
 * so the caller can tell whether more follow.
 */
export async function findRecommendationsPage(
  { db }: DbContext,
  query: RecommendationQuery,
  page: PageRequest,
): Promise<Recommendation[]> {
  const { cypher: text, params } = buildPageStatement(query, page);
  const rows = await db.read<{ recommendation: Recommendation }>(text, params);
  return rows.map((row) => row.recommendation);
}

/** How many recommendations match `query`. */
export async function countRecommendations(
  { db }: DbContext,
  query: RecommendationQuery,
): Promise<number> {
  const { cypher: text, params } = buildCountStatement(query);
  const rows = await db.read<{ count: number }>(text, params);
  return rows[0]?.count ?? 0;
}

export async function findRecommendationsByIds(
  { db }: DbContext,
  ids: readonly string[],
): Promise<Recommendation[]> {
  const rows = await db.read<{ recommendation: Recommendation }>(
    cypher('recommendations/find-by-ids'),
    { ids },
  );
  return rows.map((row) => row.recommendation);
}

export async function findDocumentsBySymbols(
  { db }: DbContext,
  symbols: readonly string[],
): Promise<Document[]> {
  const rows = await db.read<{ document: Document }>(
    cypher('recommendations/find-documents-by-symbols'),
    { symbols },
  );
  return rows.map((row) => row.document);
}

type Grouped<T> = { key: string; items: T[] };

export function findRecommendingStates({ db }: DbContext, ids: readonly string[]) {
  return db.read<Grouped<State>>(cypher('recommendations/find-recommending-states'), { ids });
}

export function findThemes({ db }: DbContext, ids: readonly string[]) {
  return db.read<Grouped<Theme>>(cypher('recommendations/find-themes'), { ids });
}

export function findAffectedGroups({ db }: DbContext, ids: readonly string[]) {
  return db.read<Grouped<AffectedGroup>>(cypher('recommendations/find-affected-groups'), { ids });
}

export function findSdgGoals({ db }: DbContext, ids: readonly string[]) {
  return db.read<Grouped<SdgGoal>>(cypher('recommendations/find-sdg-goals'), { ids });
}

export function findSdgTargets({ db }: DbContext, ids: readonly string[]) {
  return db.read<Grouped<SdgTarget>>(cypher('recommendations/find-sdg-targets'), { ids });
}

/** A SAME_AS link seen from one of its ends. */
export interface SameAsLink {
  readonly otherId: string;
  readonly status: string;
  readonly method: string;
  readonly score: number;
  readonly sharedTerms: string[];
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly reviewNote: string | null;
}

/**
 * Records a decision on the SAME_AS link between `a` and `b` and lets `audit` write its entry in
 * the same transaction.
 * @returns the link seen from `a`, or null when there is none
 */
export function reviewSameAs(
  { db }: DbContext,
  review: { a: string; b: string; decision: string; reviewer: string; note: string | null },
  audit: (tx: Tx, change: { state: string; before: unknown; after: SameAsLink }) => Promise<void>,
): Promise<SameAsLink | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.run<{ state: string; before: unknown; link: SameAsLink }>(
      cypher('recommendations/review-same-as'),
      review,
    );
    if (!row) return null;
    await audit(tx, { state: row.state, before: row.before, after: row.link });
    return row.link;
  });
}

export function findSameAs({ db }: DbContext, ids: readonly string[]) {
  return db.read<Grouped<SameAsLink>>(cypher('recommendations/find-same-as'), { ids });
}

/** One source row of a recommendation (the crosswalk), with what that source says of the row. */
export interface SourceRecord {
  readonly dataset: string;
  readonly sourceId: string;
  readonly actionCategory: number | null;
  readonly notes: string | null;
}

export function findSources({ db }: DbContext, ids: readonly string[]) {
  return db.read<Grouped<SourceRecord>>(cypher('recommendations/find-sources'), { ids });
}

/** A voluntary pledge: a state's own commitment at its review, kept apart from recommendations. */
export interface Pledge {
  readonly id: string;
  readonly text: string;
  readonly language: string | null;
  readonly mechanism: string;
  readonly cycle: number | null;
  readonly session: number | null;
  readonly year: number | null;
  readonly themes: { scheme: string; code: string; label: string }[];
  readonly sources: SourceRecord[];
}

export async function findStatePledges({ db }: DbContext, state: string): Promise<Pledge[]> {
  const rows = await db.read<{ pledge: Pledge }>(cypher('recommendations/find-state-pledges'), {
    state,
  });
  return rows.map((row) => row.pledge);
}
