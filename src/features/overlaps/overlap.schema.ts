import { z } from 'zod';
import { ForbiddenError, InvalidInputError, NotFoundError } from '../../core/errors.ts';
import { builder } from '../../graphql/builder.ts';
import { RecommendationRef } from '../recommendations/index.ts';
import { LanguageEnum, StateRef, iso3Arg } from '../states/index.ts';
import type { ClusterView, OverlapView, RepeatView } from './overlap.repository.ts';
import { overlapId, reviewOverlap } from './overlap-review.service.ts';
import {
  clusterMembersOf,
  clusterOf,
  evidenceOf,
  overlapsOf,
  repeatsOf,
  stateClusters,
} from './overlap.service.ts';
import { similarRecommendations } from './similar-recommendations.service.ts';

const OverlapKindEnum = builder.enumType('OverlapKind', {
  description:
    'SAME: substantially the same ask. PARTIAL: one contains the other, or they substantially overlap.',
  values: ['SAME', 'PARTIAL'] as const,
});

interface OverlapParts {
  lexical: number;
  signature: number;
  embedding: number;
}

interface OverlapEvidence {
  sharedTerms: readonly string[];
  signature: string | null;
  jaccard: number;
  containment: number;
  cosine: number | null;
  parts: OverlapParts | null;
}

const OverlapPartsRef = builder.objectRef<OverlapParts>('OverlapParts').implement({
  description:
    'What each part of the evidence contributed to the decision, in log-odds above an average non-overlapping pair (docs/overlaps.md, "Hybrid decision"): positive parts argued for the link.',
  fields: (t) => ({
    lexical: t.exposeFloat('lexical', { description: 'The shared wording.' }),
    signature: t.exposeFloat('signature', {
      description: 'The commitment signatures (same treaty and action, different measures, …).',
    }),
    embedding: t.exposeFloat('embedding', {
      description: "The texts' vectors (meaning, across languages); 0 when either has none.",
    }),
  }),
});

const OverlapEvidenceRef = builder.objectRef<OverlapEvidence>('OverlapEvidence').implement({
  description: 'What matched, so that an analyst can judge the link.',
  fields: (t) => ({
    sharedTerms: t.exposeStringList('sharedTerms', {
      description:
        'Content words (stems) and named objects ("@opcat") both texts share, heaviest first.',
    }),
    signature: t.exposeString('signature', {
      nullable: true,
      description:
        'The commitment-signature rule that applied, e.g. "same instrument OPCAT; both RATIFY".',
    }),
    jaccard: t.exposeFloat('jaccard', { description: 'Weighted Jaccard of the content words.' }),
    containment: t.exposeFloat('containment', {
      description: "Share of the shorter text's word weight found in the other.",
    }),
    cosine: t.exposeFloat('cosine', {
      nullable: true,
      description:
        "Cosine of the two texts' vectors from the multilingual embedding model; null in lexical-only mode or when either text has no vector yet.",
    }),
    parts: t.field({
      type: OverlapPartsRef,
      nullable: true,
      description:
        "Each part's contribution to the decision; null for links from before the hybrid model.",
      resolve: (e) => e.parts,
    }),
  }),
});

const OverlapRef = builder.objectRef<OverlapView>('Overlap').implement({
  description: 'An overlap between two recommendations to the same state, seen from one of them.',
  fields: (t) => ({
    id: t.id({
      description:
        'The two recommendation ids as a JSON array in stored order, e.g. ["A/HRC/28/15#115.1","A/HRC/28/15#115.9"]; what reviewOverlap takes.',
      resolve: (o) => overlapId(o.selfId, o.otherId),
    }),
    recommendation: t.field({
      type: RecommendationRef,
      description: 'The other recommendation.',
      resolve: (o) => o.otherId,
    }),
    score: t.exposeFloat('score'),
    kind: t.field({ type: OverlapKindEnum, resolve: (o) => o.kind as 'SAME' | 'PARTIAL' }),
    methods: t.exposeStringList('methods', {
      description:
        'The parts that carried the decision: LEXICAL (shared wording), SIGNATURE (a commitment rule), EMBEDDING (the vectors).',
    }),
    evidence: t.field({
      type: OverlapEvidenceRef,
      resolve: (o) => evidenceOf(o.evidence),
    }),
    status: t.exposeString('status', { description: 'SUGGESTED, CONFIRMED or REJECTED.' }),
    reviewedBy: t.exposeString('reviewedBy', { nullable: true }),
    reviewedAt: t.exposeString('reviewedAt', { nullable: true }),
    reviewNote: t.exposeString('reviewNote', { nullable: true }),
    detectorVersion: t.exposeString('detectorVersion'),
  }),
});

const RepeatRef = builder.objectRef<RepeatView>('Repeat').implement({
  description: 'A later recommendation asking again what an earlier one asked.',
  fields: (t) => ({
    recommendation: t.field({
      type: RecommendationRef,
      description: 'The other recommendation.',
      resolve: (r) => r.otherId,
    }),
    basis: t.exposeString('basis', {
      description: 'LATER_CYCLE, LATER_REVIEW, or PHRASE ("as previously recommended").',
    }),
    score: t.exposeFloat('score'),
    phrase: t.exposeString('phrase', { nullable: true }),
  }),
});

builder.objectFields(RecommendationRef, (t) => ({
  overlaps: t.field({
    type: [OverlapRef],
    description: 'Recommendations to the same state that overlap this one, best score first.',
    args: {
      minScore: t.arg.float({ required: false, description: 'Only links scoring at least this.' }),
      kinds: t.arg({ type: [OverlapKindEnum], required: false }),
    },
    resolve: (r, args, ctx) => overlapsOf(ctx, r.id, args),
  }),
  repeats: t.loadableList({
    type: RepeatRef,
    description: 'Earlier recommendations this one repeats.',
    load: (ids: string[], ctx) => repeatsOf(ctx, ids, 'repeats'),
    resolve: (r) => r.id,
  }),
  repeatedBy: t.loadableList({
    type: RepeatRef,
    description: 'Later recommendations that repeat this one.',
    load: (ids: string[], ctx) => repeatsOf(ctx, ids, 'repeatedBy'),
    resolve: (r) => r.id,
  }),
}));

export const OverlapClusterRef = builder.objectRef<ClusterView>('OverlapCluster').implement({
  description:
    'Recommendations to one state connected by SAME-grade overlaps (the hybrid model rates them at least its cluster threshold, and not a generic ask meeting a specific one; or confirmed by a reviewer; never rejected ones): one ask, so that answering one answers the others.',
  fields: (t) => ({
    id: t.exposeID('id', {
      description:
        'Stable while the cluster grows; a full detection run or a review renames clusters after their smallest member.',
    }),
    size: t.exposeInt('size'),
    mechanisms: t.exposeStringList('mechanisms', { description: 'Mechanism codes, sorted.' }),
    mechanismCount: t.exposeInt('mechanismCount'),
    years: t.exposeIntList('years'),
    firstYear: t.exposeInt('firstYear', { nullable: true }),
    lastYear: t.exposeInt('lastYear', { nullable: true }),
    members: t.field({
      type: [RecommendationRef],
      description: 'The recommendations, oldest first.',
      resolve: (c, _args, ctx) => clusterMembersOf(ctx, c.id),
    }),
  }),
});

builder.objectFields(RecommendationRef, (t) => ({
  overlapCluster: t.field({
    type: OverlapClusterRef,
    nullable: true,
    description:
      'The overlap cluster this recommendation belongs to; null when none of its overlaps is strong enough to cluster.',
    resolve: (r, _args, ctx) => clusterOf(ctx, r.id),
  }),
}));

builder.objectFields(StateRef, (t) => ({
  overlapClusters: t.connection(
    {
      type: OverlapClusterRef,
      description:
        "The state's overlap clusters: spanning the most mechanisms first, then the largest.",
      args: {
        minMechanisms: t.arg.int({
          required: false,
          description: 'Only clusters spanning at least this many mechanisms (default 1).',
          validate: z.number().int().min(1).max(100),
        }),
      },
      resolve: (state, args, ctx) => stateClusters(ctx, state.iso3, args),
    },
    { name: 'OverlapClusterConnection' },
    { name: 'OverlapClusterEdge' },
  ),
}));

const SimilarRecommendationRef = builder
  .objectRef<Awaited<ReturnType<typeof similarRecommendations>>[number]>('SimilarRecommendation')
  .implement({
    description: 'A recommendation matching a text, with the evidence for the match.',
    fields: (t) => ({
      recommendation: t.field({ type: RecommendationRef, resolve: (m) => m.id }),
      score: t.exposeFloat('score', {
        description:
          "The hybrid model's probability that the two overlap (0-1), as overlap detection scores a pair.",
      }),
      overlaps: t.exposeBoolean('overlaps', {
        description:
          'Whether detection would store this pair as an overlap (the score reaches the decision threshold).',
      }),
      kind: t.field({ type: OverlapKindEnum, resolve: (m) => m.kind }),
      methods: t.exposeStringList('methods'),
      evidence: t.field({ type: OverlapEvidenceRef, resolve: (m) => m.evidence }),
    }),
  });

builder.queryFields((t) => ({
  similarRecommendations: t.field({
    type: [SimilarRecommendationRef],
    description:
      'Recommendations asking what a text asks (a draft, an NGO submission, a new review), best first, scored as overlap detection scores a pair: the `first` best, in any language (Spanish or French text finds English recommendations and the reverse, through the multilingual embedding model when it is installed). With a state, its recommendations are the pool; without, the best full-text and nearest-vector matches across all states.',
    args: {
      text: t.arg.string({ required: true, validate: z.string().trim().min(1).max(5000) }),
      state: t.arg.string({
        required: false,
        description: 'ISO3 code of the addressed state.',
        validate: iso3Arg('state'),
      }),
      language: t.arg({
        type: LanguageEnum,
        required: false,
        description: 'Language of the text (ISO 639-1); guessed from the text when omitted.',
      }),
      first: t.arg.int({ required: false, validate: z.number().int().min(1).max(50) }),
      minScore: t.arg.float({
        required: false,
        description:
          'Lowest score returned; unset returns the `first` best whatever their score (each says whether it `overlaps`).',
        validate: z.number().min(0).max(1),
      }),
    },
    resolve: (_root, args, ctx) => similarRecommendations(ctx, args),
  }),
}));

const OverlapDecisionEnum = builder.enumType('OverlapDecision', {
  values: {
    CONFIRMED: { description: 'The two recommendations do overlap; keep the link.' },
    REJECTED: {
      description: 'They do not; the link leaves the clusters and detection will not revive it.',
    },
  } as const,
});

builder.mutationFields((t) => ({
  reviewOverlap: t.field({
    type: OverlapRef,
    description:
      'Confirm or reject a detected overlap. Needs the REVIEWER or ADMIN role (a bearer token).',
    errors: {
      types: [ForbiddenError, NotFoundError, InvalidInputError],
      directResult: true,
      union: { name: 'ReviewOverlapResult' },
    },
    args: {
      id: t.arg.id({ required: true, description: 'Overlap.id' }),
      decision: t.arg({ type: OverlapDecisionEnum, required: true }),
      note: t.arg.string({
        required: false,
        description: 'Why (kept on the link, at most 2000 characters).',
      }),
    },
    resolve: (_root, { id, decision, note }, ctx) =>
      reviewOverlap(ctx, { id: String(id), decision, note }),
  }),
}));
