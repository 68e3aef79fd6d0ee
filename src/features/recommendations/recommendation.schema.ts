import { z } from 'zod';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors.ts';
import { builder } from '../../graphql/builder.ts';
import { MechanismRef } from '../mechanisms/index.ts';
import { SdgGoalRef, SdgTargetRef } from '../sdgs/index.ts';
import { StateRef } from '../states/index.ts';
import { AffectedGroupRef, ThemeRef } from '../themes/index.ts';
import type {
  Document,
  Pledge,
  Recommendation,
  SameAsLink,
  SourceRecord,
} from './recommendation.repository.ts';
import {
  STATS_DIMENSIONS,
  type StatsBucket,
  type StatsDimension,
} from './recommendation.repository.ts';
import * as service from './recommendation.service.ts';
import { RESPONSES } from './vocabulary.ts';

export const UprResponseEnum = builder.enumType('UprResponse', {
  description: "A state's response to a UPR recommendation (sources' words are mapped onto these).",
  values: RESPONSES,
});

export const DocumentRef = builder.loadableObject('Document', {
  description:
    'A document recommendations appear in, by UN symbol (e.g. A/HRC/28/15, CEDAW/C/MEX/CO/9).',
  load: (symbols: string[], ctx) => service.findDocumentsBySymbols({ ctx, symbols }),
  sort: (document: Document) => document.symbol,
  fields: (t) => ({
    symbol: t.exposeString('symbol'),
    mechanism: t.field({ type: MechanismRef, nullable: true, resolve: (d) => d.mechanism }),
    year: t.exposeInt('year', { nullable: true }),
    review: t.exposeString('review', {
      nullable: true,
      description: 'The review the document reports on, e.g. "UPR/SVN/2" (mechanism/state/cycle).',
    }),
  }),
});

export const SourceRecordRef = builder.objectRef<SourceRecord>('SourceRecord').implement({
  description:
    "Where a recommendation came from: a dataset and that dataset's own id (the crosswalk).",
  fields: (t) => ({
    dataset: t.exposeString('dataset'),
    sourceId: t.exposeString('sourceId'),
    actionCategory: t.exposeInt('actionCategory', {
      nullable: true,
      description:
        "UPR Info's action category of this row: 1 (minimal action) to 5 (specific action).",
    }),
    notes: t.exposeString('notes', {
      nullable: true,
      description: "The source's note on the row (e.g. a UPR report's remark on the response).",
    }),
  }),
});

const SameAsLinkRef = builder.objectRef<SameAsLink>('SameAsLink');

export const RecommendationRef = builder.loadableNode('Recommendation', {
  description: 'One recommendation addressed to one state by one mechanism.',
  id: { resolve: (r: Recommendation) => r.id },
  load: (ids: string[], ctx) => service.findRecommendationsByIds({ ctx, ids }),
  sort: (r: Recommendation) => r.id,
  fields: (t) => ({
    stableId: t.exposeString('id', {
      description:
        'The stable, readable id: {documentSymbol}#{paragraph}, e.g. "A/HRC/28/15#115.1".',
    }),
    text: t.exposeString('text'),
    language: t.exposeString('language', {
      nullable: true,
      description: 'ISO 639-1 code of the text.',
    }),
    paragraph: t.exposeString('paragraph', {
      nullable: true,
      description: 'e.g. "115.1" or "24(b)".',
    }),
    date: t.expose('date', { type: 'Date', nullable: true }),
    year: t.exposeInt('year', { nullable: true }),
    cycle: t.exposeInt('cycle', {
      nullable: true,
      description: 'UPR cycle (1-4) or reporting cycle.',
    }),
    session: t.exposeInt('session', { nullable: true, description: 'UPR Working Group session.' }),
    response: t.field({
      type: UprResponseEnum,
      nullable: true,
      resolve: (r) => (r.response as (typeof RESPONSES)[number] | null) ?? null,
    }),
    state: t.field({
      type: StateRef,
      description: 'The state the recommendation is addressed to.',
      resolve: (r) => r.state,
    }),
    mechanism: t.field({ type: MechanismRef, resolve: (r) => r.mechanism }),
    document: t.field({ type: DocumentRef, nullable: true, resolve: (r) => r.documentSymbol }),
    recommendingStates: t.loadableList({
      type: StateRef,
      description: 'For UPR: the states that made the recommendation.',
      load: (ids: string[], ctx) => service.recommendingStatesOf({ ctx, ids }),
      resolve: (r) => r.id,
    }),
    recommendingStatesUnmatched: t.stringList({
      description:
        'Recommending-state names in the source that matched no known state, as written.',
      resolve: (r) => [...(r.recommendingStatesUnmatched ?? [])],
    }),
    themes: t.loadableList({
      type: ThemeRef,
      load: (ids: string[], ctx) => service.themesOf({ ctx, ids }),
      resolve: (r) => r.id,
    }),
    affectedGroups: t.loadableList({
      type: AffectedGroupRef,
      load: (ids: string[], ctx) => service.affectedGroupsOf({ ctx, ids }),
      resolve: (r) => r.id,
    }),
    sdgGoals: t.loadableList({
      type: SdgGoalRef,
      description: 'SDG goals, linked directly or through a target.',
      load: (ids: string[], ctx) => service.sdgGoalsOf({ ctx, ids }),
      resolve: (r) => r.id,
    }),
    sdgTargets: t.loadableList({
      type: SdgTargetRef,
      load: (ids: string[], ctx) => service.sdgTargetsOf({ ctx, ids }),
      resolve: (r) => r.id,
    }),
    sources: t.loadableList({
      type: SourceRecordRef,
      load: (ids: string[], ctx) => service.sourcesOf({ ctx, ids }),
      resolve: (r) => r.id,
    }),
    sameAs: t.loadableList({
      type: SameAsLinkRef,
      description: 'Other records of this recommendation that cross-source matching linked to it.',
      load: (ids: string[], ctx) => service.sameAsOf({ ctx, ids }),
      resolve: (r) => r.id,
    }),
  }),
});

SameAsLinkRef.implement({
  description:
    'Another record of the same recommendation that cross-source matching found (a UPR Info row and the Working Group report wording it differently). A suggestion until someone reviews it.',
  fields: (t) => ({
    recommendation: t.field({
      type: RecommendationRef,
      description: 'The other end of the link.',
      resolve: (l) => l.otherId,
    }),
    status: t.exposeString('status', { description: 'SUGGESTED, CONFIRMED or REJECTED.' }),
    method: t.exposeString('method', {
      description: 'How it was found, e.g. block-token-overlap.',
    }),
    score: t.exposeFloat('score'),
    sharedTerms: t.exposeStringList('sharedTerms', {
      description: 'Content words both texts share (the evidence).',
    }),
    reviewedBy: t.exposeString('reviewedBy', { nullable: true }),
    reviewedAt: t.exposeString('reviewedAt', { nullable: true }),
    reviewNote: t.exposeString('reviewNote', { nullable: true }),
  }),
});

const SameAsDecisionEnum = builder.enumType('SameAsDecision', {
  values: {
    CONFIRMED: { description: 'The two records are the same recommendation.' },
    REJECTED: { description: 'They are not; matching will not suggest the link again.' },
  } as const,
});

builder.mutationFields((t) => ({
  reviewSameAs: t.field({
    type: SameAsLinkRef,
    description:
      'Confirm or reject a SAME_AS link that cross-source matching suggested. Needs the REVIEWER or ADMIN role.',
    errors: {
      types: [ForbiddenError, NotFoundError, InvalidInputError],
      directResult: true,
      union: { name: 'ReviewSameAsResult' },
    },
    args: {
      recommendationId: t.arg.id({ required: true }),
      otherId: t.arg.id({ required: true }),
      decision: t.arg({ type: SameAsDecisionEnum, required: true }),
      note: t.arg.string({ required: false, description: 'Why (at most 2000 characters).' }),
    },
    resolve: (_root, args, ctx) =>
      service.reviewSameAs(ctx, {
        recommendationId: String(args.recommendationId),
        otherId: String(args.otherId),
        decision: args.decision,
        note: args.note,
      }),
  }),
}));

export const YearRangeInput = builder.inputType('YearRange', {
  description: 'Inclusive range of years; either end may be left open.',
  fields: (t) => ({ from: t.int({ required: false }), to: t.int({ required: false }) }),
});

export const RecommendationFilterInput = builder.inputType('RecommendationFilter', {
  description: 'All given fields must match (AND); within a list, any value matches (OR).',
  fields: (t) => ({
    states: t.stringList({ required: false, description: 'Addressed states, ISO3 codes.' }),
    mechanisms: t.stringList({ required: false, description: 'Mechanism codes, e.g. UPR, CEDAW.' }),
    themes: t.stringList({ required: false, description: 'Theme codes, any scheme.' }),
    affectedGroups: t.stringList({ required: false, description: 'Affected group codes.' }),
    sdgGoals: t.stringList({
      required: false,
      description: 'SDG goals ("5"), linked directly or through a target.',
    }),
    sdgTargets: t.stringList({ required: false, description: 'SDG targets ("5.2").' }),
    cycles: t.intList({ required: false }),
    responses: t.field({ type: [UprResponseEnum], required: false }),
    years: t.field({ type: YearRangeInput, required: false }),
    recommendingStates: t.stringList({
      required: false,
      description: 'Recommending states (UPR), ISO3 codes.',
    }),
    languages: t.stringList({
      required: false,
      description:
        'Languages of the text, ISO 639-1 codes ("es", any case). With text, only these languages\' full-text indexes are searched.',
    }),
    text: t.string({
      required: false,
      description:
        'Full-text search of the text, each language with its own stemming and stop words (en, es, fr; words as written for others): words, "phrases", prefix*, AND/OR/NOT, +word, -word, (groups). Other Lucene syntax is read as text ("A/HRC/28/15" is a phrase).',
    }),
  }),
});

/** One connection type for every list of recommendations (root and per state). */
const RecommendationConnection = builder.connectionObject(
  { type: RecommendationRef, name: 'RecommendationConnection' },
  { name: 'RecommendationEdge' },
);

builder.queryFields((t) => ({
  recommendation: t.field({
    type: RecommendationRef,
    nullable: true,
    description:
      'A recommendation by its stable id ("A/HRC/28/15#115.1") or global ID; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }) => service.stableIdOf(String(id)),
  }),
  recommendations: t.connection(
    {
      type: RecommendationRef,
      description: 'Recommendations matching the filter, ordered by stable id.',
      args: { filter: t.arg({ type: RecommendationFilterInput, required: false }) },
      resolve: (_root, { filter, ...page }, ctx) =>
        service.listRecommendations(ctx, { filter, ...page }),
    },
    RecommendationConnection,
  ),
}));

builder.objectField(StateRef, 'recommendations', (t) =>
  t.connection(
    {
      type: RecommendationRef,
      description: 'Recommendations addressed to this state, ordered by stable id.',
      args: { filter: t.arg({ type: RecommendationFilterInput, required: false }) },
      resolve: (state, { filter, ...page }, ctx) =>
        service.listRecommendations(ctx, { filter: { ...filter, states: [state.iso3] }, ...page }),
    },
    RecommendationConnection,
  ),
);

const PledgeRef = builder.objectRef<Pledge>('Pledge').implement({
  description:
    "A voluntary pledge: a commitment the state made itself at its UPR review (UPR Info's pledges), kept apart from the recommendations it received.",
  fields: (t) => ({
    id: t.exposeID('id'),
    text: t.exposeString('text'),
    language: t.exposeString('language', { nullable: true }),
    mechanism: t.field({ type: MechanismRef, resolve: (p) => p.mechanism }),
    cycle: t.exposeInt('cycle', { nullable: true }),
    session: t.exposeInt('session', { nullable: true }),
    year: t.exposeInt('year', { nullable: true }),
    themes: t.field({ type: [ThemeRef], resolve: (p) => p.themes }),
    sources: t.field({ type: [SourceRecordRef], resolve: (p) => p.sources }),
  }),
});

builder.objectFields(StateRef, (t) => ({
  pledges: t.field({
    type: [PledgeRef],
    description: 'The voluntary pledges this state made at its reviews, oldest cycle first.',
    resolve: (state, _args, ctx) => service.pledgesOf(ctx, state.iso3),
  }),
}));

const StatsDimensionEnum = builder.enumType('StatsDimension', {
  description:
    'What recommendations are counted by. THEME keys are "scheme:code"; REGION is the M49 region; ACTION_STATUS the status of the follow-up actions addressing them; ASSESSMENT the common grade of their latest assessment; LANGUAGE the ISO 639-1 code of the text; REPEATS is REPEATS_EARLIER or FIRST_ASKED (with CYCLE: how many recommendations repeat an earlier one, by cycle).',
  values: STATS_DIMENSIONS,
});

const StatsBucketRef = builder.objectRef<StatsBucket>('StatsBucket').implement({
  fields: (t) => ({
    keys: t.field({
      type: ['String'],
      nullable: { list: false, items: true },
      description: 'One value per groupBy dimension, in its order; null for "none".',
      resolve: (b) => b.keys,
    }),
    count: t.exposeInt('count'),
    withAction: t.int({
      nullable: true,
      description: 'coverageMatrix only: how many of them at least one follow-up action addresses.',
      resolve: (b) => b.withAction ?? null,
    }),
    coverage: t.float({
      nullable: true,
      description: 'coverageMatrix only: withAction / count.',
      resolve: (b) =>
        b.withAction === undefined ? null : Math.round((b.withAction / b.count) * 10_000) / 10_000,
    }),
  }),
});

const CoverageMatrixRef = builder
  .objectRef<{
    dimensions: readonly StatsDimension[];
    matrix: service.CoverageMatrix;
  }>('CoverageMatrix')
  .implement({
    description:
      'A coverage matrix. In columns, cell i (largest count first) has, for each dimension d, the value axes[d][positions[d][i]], and count[i] and withAction[i]; coverage is withAction[i] / count[i].',
    fields: (t) => ({
      dimensions: t.field({
        type: [StatsDimensionEnum],
        description: 'The groupBy dimensions, in order.',
        resolve: (m) => [...m.dimensions],
      }),
      cells: t.int({
        description: 'How many cells (non-empty combinations) the matrix has.',
        resolve: (m) => m.matrix.cells.length,
      }),
      axes: t.field({
        type: t.listRef(t.listRef('String', { nullable: true })),
        description:
          'Per dimension, the distinct values its cells take, sorted; null ("none") last.',
        resolve: (m) => service.coverageColumns(m.matrix.cells, m.dimensions.length).axes,
      }),
      positions: t.field({
        type: t.listRef(t.listRef('Int')),
        description: "Per dimension, each cell's value as a position in that dimension's axis.",
        resolve: (m) => service.coverageColumns(m.matrix.cells, m.dimensions.length).positions,
      }),
      count: t.field({
        type: ['Int'],
        description: 'Per cell, how many recommendations it holds.',
        resolve: (m) => service.coverageColumns(m.matrix.cells, m.dimensions.length).count,
      }),
      withAction: t.field({
        type: ['Int'],
        description: 'Per cell, how many of them at least one follow-up action addresses.',
        resolve: (m) => m.matrix.withAction,
      }),
      buckets: t.field({
        type: [StatsBucketRef],
        description:
          'The cells as objects, largest first (keys, count, withAction, coverage): convenient for a small matrix, slower than the columns for tens of thousands of cells.',
        args: {
          first: t.arg.int({
            required: false,
            description: 'At most this many cells.',
            validate: z.number().int().min(0),
          }),
        },
        resolve: (m, { first }) => service.coverageBuckets(m.matrix, first),
      }),
    }),
  });

builder.queryFields((t) => ({
  recommendationStats: t.field({
    type: [StatsBucketRef],
    description:
      'Recommendations matching the filter, counted by one or two dimensions, largest bucket first. A recommendation with several values of a dimension counts once under each.',
    args: {
      filter: t.arg({ type: RecommendationFilterInput, required: false }),
      groupBy: t.arg({ type: [StatsDimensionEnum], required: true }),
    },
    resolve: (_root, { filter, groupBy }, ctx) =>
      service.recommendationStats(ctx, { filter: filter ?? undefined, groupBy }),
  }),
  coverageMatrix: t.field({
    type: CoverageMatrixRef,
    description:
      'How much of what was recommended the follow-up addresses: recommendations by up to three dimensions (default state x theme x mechanism), each cell with how many of them a follow-up action addresses. Read a large matrix in columns (axes, positions, count, withAction); buckets gives the same cells as objects.',
    args: {
      filter: t.arg({ type: RecommendationFilterInput, required: false }),
      groupBy: t.arg({
        type: [StatsDimensionEnum],
        required: false,
        description: 'Default [STATE, THEME, MECHANISM].',
      }),
    },
    resolve: async (_root, { filter, groupBy }, ctx) => {
      const dimensions = groupBy ?? ['STATE', 'THEME', 'MECHANISM'];
      const matrix = await service.coverageMatrix(ctx, {
        filter: filter ?? undefined,
        groupBy: dimensions,
      });
      return { dimensions, matrix };
    },
  }),
}));
