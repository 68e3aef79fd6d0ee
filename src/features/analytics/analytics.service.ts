/**
 * Analytics for analysts and dashboards. The neglect analysis ranks states by the share of their
 * multi-source overlap clusters that show a signal of non-implementation and no completed action
 * (docs/analytics.md). It reads the signals stored on the clusters
 * (features/analytics-store/cluster-signals.ts), refreshed by every change that affects them.
 */
import { z } from 'zod';
import type { DbContext } from '../../graphql/context.ts';
import { InvalidInputError } from '../../core/errors.ts';
import {
  pageRequest,
  toConnection,
  type Connection,
  type PageArgs,
  type PageRequest,
} from '../../core/pagination.ts';
import { requireM49Codes } from '../states/index.ts';
import { cachedAggregate } from '../analytics-store/index.ts';
import * as repository from './analytics.repository.ts';

/**
 * A read of the clusters' stored signals, cached until they change (the `clusters` data version,
 * raised wherever they are written: analytics-store/cluster-signals.ts). Rankings and
 * drill-downs are asked for again and again by dashboards, and each read scans clusters.
 */
function fromClusters<T>(
  ctx: DbContext,
  key: readonly unknown[],
  read: (c: DbContext) => Promise<T>,
): Promise<T> {
  return cachedAggregate(ctx, { key: JSON.stringify(key), parts: ['clusters'], compute: read });
}

export interface NeglectFilterArgs {
  readonly regions?: readonly string[] | null | undefined;
  readonly themes?: readonly string[] | null | undefined;
  readonly mechanisms?: readonly string[] | null | undefined;
  readonly spansMechanisms?: boolean | null | undefined;
  readonly years?: { from?: number | null | undefined; to?: number | null | undefined } | null;
}

const codes = z.array(z.string().trim().min(1).max(100)).max(100);

/** Validates a filter into the repository's terms. @throws InvalidInputError */
export function neglectQuery(
  filter: NeglectFilterArgs | null | undefined,
  minMultiSource = 1,
): repository.NeglectQuery {
  const list = (name: string, values: readonly string[] | null | undefined, upper: boolean) => {
    if (!values?.length) return null;
    const parsed = codes.safeParse(values);
    if (!parsed.success) throw new InvalidInputError(`${name}: at most 100 codes`, name);
    return parsed.data.map((v) => (upper ? v.toUpperCase() : v));
  };
  const regions = list('regions', filter?.regions, false);
  if (regions) requireM49Codes('regions', regions);
  const from = filter?.years?.from ?? null;
  const to = filter?.years?.to ?? null;
  if (from !== null && to !== null && from > to) {
    throw new InvalidInputError('years: from must not be after to', 'years');
  }
  if (!Number.isInteger(minMultiSource) || minMultiSource < 0) {
    throw new InvalidInputError(
      'minMultiSourceClusters must be 0 or more',
      'minMultiSourceClusters',
    );
  }
  return {
    regions,
    themes: list('themes', filter?.themes, false),
    mechanisms: list('mechanisms', filter?.mechanisms, true),
    spansMechanisms: filter?.spansMechanisms ?? null,
    from,
    to,
    minMultiSource,
    state: null,
  };
}

/** One page of the ranking, as stored (cached). */
const rankStates = (ctx: DbContext, query: repository.NeglectQuery, page: PageRequest) =>
  fromClusters(ctx, ['rankStates', query, page], (c) => repository.rankStates(c, query, page));

export type StateNeglect = repository.StateNeglectRow & { readonly query: repository.NeglectQuery };

/** States ranked by the neglect index, highest first (then most neglected clusters, then ISO3). */
export async function overlapNeglect(
  ctx: DbContext,
  args: PageArgs & {
    filter?: NeglectFilterArgs | null | undefined;
    minMultiSourceClusters?: number | null | undefined;
  },
): Promise<Connection<StateNeglect>> {
  const query = neglectQuery(args.filter, args.minMultiSourceClusters ?? 1);
  const page = pageRequest(args);
  const rows = await rankStates(ctx, query, page);
  return toConnection(
    rows.map((row) => ({ ...row, query })),
    page,
    (row) => row.key,
    () =>
      fromClusters(ctx, ['countRankedStates', query], (c) =>
        repository.countRankedStates(c, query),
      ),
  );
}

/** One state's row of the ranking (whatever its number of multi-source clusters). */
export async function stateNeglect(
  ctx: DbContext,
  state: string,
  filter: NeglectFilterArgs | null | undefined,
): Promise<StateNeglect | null> {
  const query = { ...neglectQuery(filter, 0), state: state.toUpperCase() };
  const page = {
    size: 1,
    direction: 'forward',
    afterKey: undefined,
    beforeKey: undefined,
  } as const;
  const [row] = await rankStates(ctx, query, page);
  return row ? { ...row, query } : null;
}

/** The clusters behind one ranked row, with the evidence for each signal. */
export function clustersOf(
  ctx: DbContext,
  row: StateNeglect,
  options: { neglectedOnly: boolean; first: number },
) {
  const { state, query } = row;
  const { neglectedOnly, first: limit } = options;
  return fromClusters(ctx, ['stateClusterSignals', state, query, neglectedOnly, limit], (c) =>
    repository.stateClusterSignals(c, state, query, { neglectedOnly, limit }),
  );
}

export async function themesOf(ctx: DbContext, keys: readonly string[]) {
  const found = await repository.themesByKeys(ctx, keys);
  return keys.flatMap((key) => {
    const theme = found.get(key);
    return theme ? [theme] : [];
  });
}

export interface SignalEvidence {
  readonly kind: string;
  readonly detail: string;
  readonly recommendationIds: readonly string[];
  readonly actionIds: readonly string[];
  readonly decisionIds: readonly string[];
}

/** "1 recommendation", "3 recommendations". */
const counted = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/** What each of a cluster's signals rests on, in words and ids. */
export function evidenceOf(cluster: repository.ClusterNeglectRow): SignalEvidence[] {
  return cluster.signals.map((kind) => {
    switch (kind) {
      case 'NOTED':
        return {
          kind,
          detail: `${cluster.noted.length} of ${cluster.size} recommendations noted (not supported) by the state`,
          recommendationIds: cluster.noted,
          actionIds: [],
          decisionIds: [],
        };
      case 'NOT_IMPLEMENTED':
        return {
          kind,
          detail: `${counted(cluster.assessed.length, 'recommendation')} last assessed NOT_IMPLEMENTED, CONTRARY or NO_INFORMATION`,
          recommendationIds: cluster.assessed,
          actionIds: [],
          decisionIds: [],
        };
      case 'REPEATED':
        return {
          kind,
          detail:
            cluster.cycles.length >= 2
              ? `asked in UPR cycles ${[...cluster.cycles].sort((a, b) => a - b).join(', ')}; ${counted(cluster.repeated.length, 'recommendation')} ${cluster.repeated.length === 1 ? 'repeats or is' : 'repeat or are'} repeated`
              : `${counted(cluster.repeated.length, 'recommendation')} ${cluster.repeated.length === 1 ? 'repeats an earlier one or is' : 'repeat an earlier one or are'} repeated later`,
          recommendationIds: cluster.repeated,
          actionIds: [],
          decisionIds: [],
        };
      case 'NO_ACTION':
        return {
          kind,
          detail: cluster.actions.length
            ? 'only cancelled or blocked follow-up actions'
            : 'no follow-up action addresses any of these recommendations',
          recommendationIds: [],
          actionIds: cluster.actions,
          decisionIds: [],
        };
      case 'ADVERSE_JURISPRUDENCE':
        return {
          kind,
          detail: `${counted(cluster.adverse.length, 'decision')} against the state on the rights these recommendations concern: a violation found, or views whose outcome is not recorded`,
          recommendationIds: [],
          actionIds: [],
          decisionIds: cluster.adverse,
        };
      default:
        return {
          kind,
          detail:
            cluster.overdue.length === 1
              ? '1 follow-up action past its due date'
              : `${cluster.overdue.length} follow-up actions past their due date`,
          recommendationIds: [],
          actionIds: cluster.overdue,
          decisionIds: [],
        };
    }
  });
}

/** The longest-running repeated asks (of one state, or of all), widest span of years first. */
export function longestRepeatedAsks(ctx: DbContext, state: string | null, first: number) {
  const iso = state?.toUpperCase() ?? null;
  return fromClusters(ctx, ['longestRepeated', iso, first], (c) =>
    repository.longestRepeated(c, iso, first),
  );
}
