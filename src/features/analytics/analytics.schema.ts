import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import { FollowUpActionRef } from '../follow-ups/index.ts';
import { DecisionRef } from '../jurisprudence/index.ts';
import { OverlapClusterRef } from '../overlaps/index.ts';
import { RecommendationRef, YearRangeInput } from '../recommendations/index.ts';
import { StateRef, iso3Arg } from '../states/index.ts';
import { ThemeRef } from '../themes/index.ts';
import type { ClusterNeglectRow } from './analytics.repository.ts';
import * as service from './analytics.service.ts';

const NeglectSignalKindEnum = builder.enumType('NeglectSignalKind', {
  values: {
    NOTED: { description: 'The state noted (did not support) a member at its UPR review.' },
    NOT_IMPLEMENTED: {
      description: "A member's latest assessment is NOT_IMPLEMENTED, CONTRARY or NO_INFORMATION.",
    },
    REPEATED: {
      description:
        'The ask came back: a later cycle or review repeats a member, or the cluster spans cycles.',
    },
    NO_ACTION: {
      description:
        'No follow-up action (or only cancelled or blocked ones), counted only for states whose follow-up is kept in recgraph.',
    },
    OVERDUE: { description: 'A follow-up action addressing a member is past its due date.' },
    ADVERSE_JURISPRUDENCE: {
      description:
        'The state was found in violation of a right the cluster concerns: a decision against it on an article a member cites or its themes concern (reference/theme-articles.csv), with a violation found on it, or treaty-body views whose outcome the source does not record. docs/jurisprudence.md.',
    },
  } as const,
});

const NeglectSignalRef = builder.objectRef<service.SignalEvidence>('NeglectSignal').implement({
  description: 'One signal of non-implementation and what it rests on.',
  fields: (t) => ({
    kind: t.field({
      type: NeglectSignalKindEnum,
      resolve: (s) =>
        s.kind as
          | 'NOTED'
          | 'NOT_IMPLEMENTED'
          | 'REPEATED'
          | 'NO_ACTION'
          | 'OVERDUE'
          | 'ADVERSE_JURISPRUDENCE',
    }),
    detail: t.exposeString('detail'),
    recommendations: t.field({
      type: [RecommendationRef],
      description: 'The members the signal rests on.',
      resolve: (s) => [...s.recommendationIds],
    }),
    actions: t.field({
      type: [FollowUpActionRef],
      description: 'The actions it rests on (OVERDUE, NO_ACTION).',
      resolve: (s) => [...s.actionIds],
    }),
    decisions: t.field({
      type: [DecisionRef],
      description: 'The decisions it rests on (ADVERSE_JURISPRUDENCE).',
      resolve: (s) => [...s.decisionIds],
    }),
  }),
});

const ClusterNeglectRef = builder.objectRef<ClusterNeglectRow>('ClusterNeglect').implement({
  description: 'An overlap cluster with its signals of non-implementation.',
  fields: (t) => ({
    cluster: t.field({ type: OverlapClusterRef, resolve: (c) => c }),
    multiSource: t.exposeBoolean('multiSource', {
      description: 'Spans two or more mechanisms or recommending states.',
    }),
    spansMechanisms: t.boolean({
      description:
        'Its members come from two or more mechanisms (cluster.mechanismCount >= 2); what the spansMechanisms filter selects.',
      resolve: (c) => c.mechanismCount >= 2,
    }),
    neglected: t.exposeBoolean('neglected', {
      description:
        'Multi-source, with at least one signal other than ADVERSE_JURISPRUDENCE, and no completed action.',
    }),
    completedAction: t.exposeBoolean('completed', {
      description: 'A completed follow-up action addresses one of its members.',
    }),
    recommendingStates: t.exposeInt('recommenders', {
      description: 'Distinct recommending states across the members.',
    }),
    cycles: t.exposeIntList('cycles'),
    signals: t.field({ type: [NeglectSignalRef], resolve: (c) => service.evidenceOf(c) }),
  }),
});

const StateNeglectRef = builder.objectRef<service.StateNeglect>('StateNeglect').implement({
  description: "A state's overlap clusters and how many of them show neglect.",
  fields: (t) => ({
    state: t.field({ type: StateRef, resolve: (r) => r.state }),
    clusters: t.exposeInt('clusters', { description: 'Overlap clusters matching the filter.' }),
    multiSourceClusters: t.exposeInt('multiSourceClusters', {
      description: 'Of those, spanning two or more mechanisms or recommending states.',
    }),
    neglectedClusters: t.exposeInt('neglectedClusters', {
      description: 'Of those, with a signal of non-implementation and no completed action.',
    }),
    index: t.exposeFloat('index', {
      description: 'neglectedClusters / multiSourceClusters (0-1).',
    }),
    topThemes: t.field({
      type: [ThemeRef],
      description: 'The themes most frequent among the neglected clusters (up to three).',
      resolve: (r, _args, ctx) => service.themesOf(ctx, r.topThemes),
    }),
    neglected: t.field({
      type: [ClusterNeglectRef],
      description:
        'The drill-down: its clusters with the evidence behind each signal, neglected first.',
      args: {
        all: t.arg.boolean({
          required: false,
          description: 'Include the clusters that are not neglected (default false).',
        }),
        first: t.arg.int({ required: false, validate: z.number().int().min(1).max(500) }),
      },
      resolve: (r, args, ctx) =>
        service.clustersOf(ctx, r, { neglectedOnly: !args.all, first: args.first ?? 20 }),
    }),
  }),
});

const NeglectFilterInput = builder.inputType('NeglectFilter', {
  description: 'Which clusters count: all given fields must match.',
  fields: (t) => ({
    regions: t.stringList({
      required: false,
      description: 'M49 region codes of the addressed state, any level (e.g. 150 Europe, 039).',
    }),
    themes: t.stringList({
      required: false,
      description: 'Theme codes (any scheme) a member has, e.g. A12.',
    }),
    mechanisms: t.stringList({
      required: false,
      description: 'Mechanism codes the cluster spans.',
    }),
    spansMechanisms: t.boolean({
      required: false,
      description:
        'true: only clusters whose members come from two or more mechanisms (e.g. the UPR and CEDAW asking the same); false: only clusters within one mechanism; omitted: both. Unlike multiSource, recommending states do not count.',
    }),
    years: t.field({
      type: YearRangeInput,
      required: false,
      description: 'Clusters with a member in these years.',
    }),
  }),
});

builder.queryFields((t) => ({
  longestRepeatedAsks: t.field({
    type: [ClusterNeglectRef],
    description:
      'The asks that keep coming back: overlap clusters with the REPEATED signal, the widest span of years first (then the most cycles, then the largest). For repetition counts by cycle, use recommendationStats(groupBy: [CYCLE, REPEATS]).',
    args: {
      state: t.arg.string({
        required: false,
        validate: iso3Arg('state'),
      }),
      first: t.arg.int({ required: false, validate: z.number().int().min(1).max(200) }),
    },
    resolve: (_root, { state, first }, ctx) =>
      service.longestRepeatedAsks(ctx, state ?? null, first ?? 20),
  }),
  stateNeglect: t.field({
    type: StateNeglectRef,
    nullable: true,
    description:
      "One state's row of overlapNeglect, for drilling down into its clusters; null when it has no overlap clusters matching the filter.",
    args: {
      state: t.arg.string({
        required: true,
        validate: iso3Arg('state'),
      }),
      filter: t.arg({ type: NeglectFilterInput, required: false }),
    },
    resolve: (_root, { state, filter }, ctx) => service.stateNeglect(ctx, state, filter),
  }),
  overlapNeglect: t.connection(
    {
      type: StateNeglectRef,
      description:
        'Which states ignore overlapping recommendations: states ranked by the share of their multi-source overlap clusters with a signal of non-implementation (noted, assessed not implemented, repeated, no or overdue action) and no completed action. See docs/analytics.md.',
      args: {
        filter: t.arg({ type: NeglectFilterInput, required: false }),
        minMultiSourceClusters: t.arg.int({
          required: false,
          description: 'Leave out states with fewer multi-source clusters (default 1).',
          validate: z.number().int().min(0).max(100_000),
        }),
      },
      resolve: (_root, { filter, minMultiSourceClusters, ...page }, ctx) =>
        service.overlapNeglect(ctx, { filter, minMultiSourceClusters, ...page }),
    },
    { name: 'StateNeglectConnection' },
    { name: 'StateNeglectEdge' },
  ),
}));
