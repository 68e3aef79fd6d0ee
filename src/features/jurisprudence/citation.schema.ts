/**
 * GraphQL for citations and related jurisprudence: Recommendation.citations,
 * Recommendation.relatedJurisprudence, Decision.relatedRecommendations, GeneralComment.citedBy,
 * TreatyArticle.recommendations. docs/jurisprudence.md, "Citations" and "Related jurisprudence".
 */
import { connectionFromList, type PageArgs } from '../../core/pagination.ts';
import { builder } from '../../graphql/builder.ts';
import type { Context } from '../../graphql/context.ts';
import { DocumentRef, RecommendationRef } from '../recommendations/index.ts';
import type { Recommendation } from '../recommendations/index.ts';
import { TreatyArticleRef } from './article.schema.ts';
import type { CitationTargetType, StoredCitation } from './citation.repository.ts';
import type { CitationKind } from './citations/index.ts';
import { DecisionRef } from './decision.schema.ts';
import type { Decision } from './decision.repository.ts';
import { GeneralCommentRef } from './general-comment.schema.ts';
import type { JurisprudenceGap, RelatedReason } from './related.repository.ts';
import * as service from './related.service.ts';

const CITATION_KINDS: readonly CitationKind[] = [
  'GENERAL_COMMENT',
  'DOCUMENT',
  'COMMUNICATION',
  'ARTICLE',
  'CASE',
];

const CitationKindEnum = builder.enumType('CitationKind', {
  description: 'What a citation names (docs/jurisprudence.md, "Citations").',
  values: Object.fromEntries(CITATION_KINDS.map((k) => [k, { value: k }])) as Record<
    CitationKind,
    { value: CitationKind }
  >,
});

/** One citation as read from one span of a recommendation's text. */
interface CitationItem {
  readonly reference: string;
  readonly kind: CitationKind;
  readonly span: string;
  readonly start: number;
  readonly end: number;
  readonly targetType: CitationTargetType | null;
  readonly targetKey: string | null;
}

const TARGET_TYPE = Symbol('citation target type');
type Tagged<T> = T & { readonly [TARGET_TYPE]: CitationTargetType };
const tag = <T extends object>(value: T, type: CitationTargetType): Tagged<T> =>
  Object.assign(Object.create(Object.getPrototypeOf(value) as object) as T, value, {
    [TARGET_TYPE]: type,
  });

const CitationTargetUnion = builder.unionType('CitationTarget', {
  description:
    'What a citation points at in the graph: a general comment, a decision, a treaty article, a cited paragraph that is a recommendation, or the cited document when the graph has the document but not that paragraph.',
  types: [GeneralCommentRef, DecisionRef, TreatyArticleRef, RecommendationRef, DocumentRef],
  resolveType: (value) => (value as unknown as Tagged<object>)[TARGET_TYPE],
});

/** The target object, loaded through its type's DataLoader (one batch per type and request). */
async function loadTarget(item: CitationItem, ctx: Context) {
  const key = item.targetKey;
  if (!key || !item.targetType) return null;
  const loaded = await (async () => {
    switch (item.targetType) {
      case 'GeneralComment':
        return GeneralCommentRef.getDataloader(ctx).load(key);
      case 'Decision':
        return DecisionRef.getDataloader(ctx).load(key);
      case 'TreatyArticle':
        return TreatyArticleRef.getDataloader(ctx).load(key);
      case 'Recommendation':
        return RecommendationRef.getDataloader(ctx).load(key);
      case 'Document':
        return DocumentRef.getDataloader(ctx).load(key);
      default:
        return null;
    }
  })();
  return loaded ? tag(loaded as object, item.targetType) : null;
}

const CitationRef = builder.objectRef<CitationItem>('Citation').implement({
  description:
    "A citation read from a recommendation's text: the exact span, its kind, the canonical reference (CEDAW/GR/35, CEDAW/C/ARG/CO/6#12, CEDAW 22/2009, CESCR-7-a-ii, IACTHR:…) and its target when the graph holds it. Unresolved citations are kept (target null).",
  fields: (t) => ({
    reference: t.exposeString('reference'),
    kind: t.field({ type: CitationKindEnum, resolve: (c) => c.kind }),
    span: t.exposeString('span', { description: 'The text exactly as written.' }),
    start: t.exposeInt('start', { description: 'Offset of the span in the text (UTF-16 units).' }),
    end: t.exposeInt('end'),
    target: t.field({
      type: CitationTargetUnion,
      nullable: true,
      resolve: (c, _args, ctx) => loadTarget(c, ctx) as never,
    }),
  }),
});

/** One item per span, in text order. */
function spansOf(stored: readonly StoredCitation[]): CitationItem[] {
  return stored
    .flatMap((c) =>
      c.spans.map((span, i) => ({
        reference: c.reference,
        kind: c.kind,
        span,
        start: c.starts[i] ?? 0,
        end: c.ends[i] ?? 0,
        targetType: c.targetType,
        targetKey: c.targetKey,
      })),
    )
    .sort((a, b) => a.start - b.start || a.reference.localeCompare(b.reference));
}

builder.objectField(RecommendationRef, 'citations', (t) =>
  t.loadableList({
    type: CitationRef,
    description:
      "The citations in the recommendation's text, in text order: one per span and reference (a span naming two paragraphs gives two).",
    load: async (ids: string[], ctx) =>
      (await service.citationsOfRecommendations(ctx, ids)).map(spansOf),
    resolve: (r: Recommendation) => r.id,
  }),
);

const RelatedViaEnum = builder.enumType('RelatedVia', {
  description:
    'CITED: the recommendation cites the decision; ARTICLE: it cites an article the decision applies; THEME: one of its themes is crosswalked to such an article (reference/theme-articles.csv).',
  values: ['CITED', 'ARTICLE', 'THEME'] as const,
});

const RelatedReasonRef = builder.objectRef<RelatedReason>('RelatedReason').implement({
  description: 'Why a decision and a recommendation are related.',
  fields: (t) => ({
    via: t.field({ type: RelatedViaEnum, resolve: (r) => r.via }),
    article: t.exposeString('articleKey', {
      nullable: true,
      description: 'The article they meet on, at article level (CCPR-14, ECHR-P1-1).',
    }),
    theme: t.exposeString('theme', { nullable: true, description: "The theme's label (THEME)." }),
  }),
});

interface RelatedDecisionItem {
  readonly decision: Decision;
  readonly score: number;
  readonly violation: boolean;
  readonly matchedArticles: readonly string[];
  readonly reasons: readonly RelatedReason[];
}

const RelatedDecisionRef = builder.objectRef<RelatedDecisionItem>('RelatedDecision').implement({
  description: 'A decision related to a recommendation, with why and how strongly.',
  fields: (t) => ({
    decision: t.field({ type: DecisionRef, resolve: (r) => r.decision }),
    score: t.exposeFloat('score', {
      description:
        'Cited 3, a cited article 2, a theme 1; +1 when a violation was found on a matched article; +0.1 per further matched article (at most 0.4).',
    }),
    violation: t.exposeBoolean('violation'),
    matchedArticles: t.exposeStringList('matchedArticles'),
    reasons: t.field({ type: [RelatedReasonRef], resolve: (r) => [...r.reasons] }),
  }),
});

builder.objectField(RecommendationRef, 'relatedJurisprudence', (t) =>
  t.loadableList({
    type: RelatedDecisionRef,
    description:
      'Decisions related to the recommendation: those it cites, and those against the state it addresses that apply an article it cites or one its themes concern (reference/theme-articles.csv), best first. docs/jurisprudence.md, "Related jurisprudence".',
    args: {
      first: t.arg.int({
        required: false,
        defaultValue: 5,
        description: `How many (at most ${service.MAX_RELATED}).`,
      }),
    },
    load: (keys: string[], ctx) => service.relatedDecisionsByKeys(ctx, keys),
    resolve: (r: Recommendation, { first }) => service.relatedKey(r.id, first ?? 5),
  }),
);

const TimingEnum = builder.enumType('RelatedTiming', {
  description: 'Whether a recommendation was made before or after the decision.',
  values: ['BEFORE', 'AFTER'] as const,
});

interface RelatedRecommendationItem {
  readonly id: string;
  readonly date: string | null;
  readonly timing: 'BEFORE' | 'AFTER' | null;
  readonly reasons: readonly RelatedReason[];
}

const RelatedRecommendationRef = builder
  .objectRef<RelatedRecommendationItem>('RelatedRecommendation')
  .implement({
    description: 'A recommendation related to a decision, with why and when.',
    fields: (t) => ({
      recommendation: t.field({ type: RecommendationRef, resolve: (r) => r.id }),
      timing: t.field({ type: TimingEnum, nullable: true, resolve: (r) => r.timing }),
      reasons: t.field({ type: [RelatedReasonRef], resolve: (r) => [...r.reasons] }),
    }),
  });

builder.objectField(DecisionRef, 'relatedRecommendations', (t) =>
  t.connection(
    {
      type: RelatedRecommendationRef,
      description:
        'Recommendations to the state(s) of the decision on the same rights (citing it, citing an article it applies, or with a theme crosswalked to one), by date. docs/jurisprudence.md, "Related jurisprudence".',
      args: { timing: t.arg({ type: TimingEnum, required: false }) },
      resolve: async (d, { timing, ...page }, ctx) =>
        connectionFromList(
          (await service.relatedRecommendations(ctx, d.id)).filter(
            (r) => !timing || r.timing === timing,
          ),
          page as PageArgs,
          (r) => `${r.date ?? '0000-00-00'}|${r.id}`,
        ),
    },
    { name: 'RelatedRecommendationConnection' },
    { name: 'RelatedRecommendationEdge' },
  ),
);

builder.objectField(GeneralCommentRef, 'citedBy', (t) =>
  t.connection(
    {
      type: RecommendationRef,
      description:
        'The recommendations whose texts cite this general comment (by any of its references), by id.',
      resolve: async (g, page, ctx) =>
        connectionFromList(await service.citingRecommendations(ctx, g.id), page, (id) => id),
    },
    { name: 'CitingRecommendationConnection' },
    { name: 'CitingRecommendationEdge' },
  ),
);

builder.objectField(TreatyArticleRef, 'recommendations', (t) =>
  t.connection({
    type: RecommendationRef,
    description:
      'The recommendations whose texts cite this article or a deeper level of it (CEDAW-2 takes CEDAW-2-e), by id.',
    resolve: async (a, page, ctx) =>
      connectionFromList(await service.citingRecommendations(ctx, a.code), page, (id) => id),
  }),
);

const JurisprudenceGapRef = builder.objectRef<JurisprudenceGap>('JurisprudenceGap').implement({
  description:
    'An adverse decision against a state whose related recommendations were noted, repeated or not implemented. docs/jurisprudence.md, "Jurisprudence gaps".',
  fields: (t) => ({
    decision: t.field({ type: DecisionRef, resolve: (g) => g.decision }),
    violationRecorded: t.exposeBoolean('violationRecorded', {
      description:
        'The source records a violation (outcome or an article found violated); false for treaty-body views whose outcome it does not record.',
    }),
    related: t.exposeInt('related', { description: 'Related recommendations in all.' }),
    noted: t.field({
      type: [RecommendationRef],
      description: 'Related recommendations the state noted (did not support).',
      resolve: (g) => [...g.noted],
    }),
    repeated: t.field({
      type: [RecommendationRef],
      description:
        'Related recommendations that repeat an earlier one or are repeated by a later one.',
      resolve: (g) => [...g.repeated],
    }),
    notImplemented: t.field({
      type: [RecommendationRef],
      description:
        'Related recommendations whose latest assessment is NOT_IMPLEMENTED, CONTRARY or NO_INFORMATION.',
      resolve: (g) => [...g.notImplemented],
    }),
  }),
});

builder.queryField('jurisprudenceGaps', (t) =>
  t.field({
    type: [JurisprudenceGapRef],
    description:
      "The analysts' question with jurisprudence: a state's adverse decisions (violations found, or views) whose related recommendations it noted, keeps being given, or has not implemented.",
    args: { state: t.arg.string({ required: true, description: 'ISO3 code.' }) },
    resolve: (_root, { state }, ctx) => service.jurisprudenceGaps(ctx, state),
  }),
);
