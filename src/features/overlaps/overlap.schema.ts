import { builder } from '../../graphql/builder.ts';
import { RecommendationRef } from '../recommendations/index.ts';
import type { OverlapView, RepeatView } from './overlap.repository.ts';
import * as service from './overlap.service.ts';

const OverlapKindEnum = builder.enumType('OverlapKind', {
  description:
    'SAME: substantially the same ask. PARTIAL: one contains the other, or they substantially overlap.',
  values: ['SAME', 'PARTIAL'] as const,
});

interface OverlapEvidence {
  sharedTerms: string[];
  signature: string | null;
  jaccard: number;
  containment: number;
}

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
  }),
});

const OverlapRef = builder.objectRef<OverlapView>('Overlap').implement({
  description: 'An overlap between two recommendations to the same state, seen from one of them.',
  fields: (t) => ({
    recommendation: t.field({
      type: RecommendationRef,
      description: 'The other recommendation.',
      resolve: (o) => o.otherId,
    }),
    score: t.exposeFloat('score'),
    kind: t.field({ type: OverlapKindEnum, resolve: (o) => o.kind as 'SAME' | 'PARTIAL' }),
    methods: t.exposeStringList('methods', {
      description: 'LEXICAL, and SIGNATURE when a commitment rule decided.',
    }),
    evidence: t.field({
      type: OverlapEvidenceRef,
      resolve: (o) => JSON.parse(o.evidence) as OverlapEvidence,
    }),
    status: t.exposeString('status', { description: 'SUGGESTED, CONFIRMED or REJECTED.' }),
    reviewedBy: t.exposeString('reviewedBy', { nullable: true }),
    reviewedAt: t.exposeString('reviewedAt', { nullable: true }),
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
    resolve: (r, args, ctx) => service.overlapsOf(ctx, r.id, args),
  }),
  repeats: t.loadableList({
    type: RepeatRef,
    description: 'Earlier recommendations this one repeats.',
    load: (ids: string[], ctx) => service.repeatsOf(ctx, ids, 'repeats'),
    resolve: (r) => r.id,
  }),
  repeatedBy: t.loadableList({
    type: RepeatRef,
    description: 'Later recommendations that repeat this one.',
    load: (ids: string[], ctx) => service.repeatsOf(ctx, ids, 'repeatedBy'),
    resolve: (r) => r.id,
  }),
}));
