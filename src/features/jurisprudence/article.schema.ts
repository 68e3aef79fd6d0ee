import { builder } from '../../graphql/builder.ts';
import { parseArticleCode, type TreatyArticle } from './article-codes.ts';
import * as service from './article.service.ts';
import * as decisions from './decision.service.ts';
import { DecisionRef } from './decision.schema.ts';

export const TreatyArticleRef = builder.loadableObjectRef('TreatyArticle', {
  load: (codes: string[], ctx) => service.findArticlesByCodes(ctx, codes),
  sort: (a: TreatyArticle) => a.code,
});
TreatyArticleRef.implement({
  description:
    "An article (or paragraph, or sub-paragraph) of a treaty or protocol, as decisions apply it, by its canonical code: CCPR-14-1, OPCCPR-5-2-b (an optional protocol by its own code; OHCHR's CCPR-OP-5-2-b is read as this), OPCEDAW-4-2-c, ACHR-8-1, ECHR-P1-1.",
  fields: (t) => ({
    code: t.exposeString('code'),
    instrument: t.exposeString('instrument', {
      description:
        'The treaty or protocol: CCPR, OPCCPR, OP2CCPR, OPCEDAW, OPCAT, OPIC, OPSC, OPAC, ECHR, ECHR-P1, ACHR, BDP, IC, …',
    }),
    article: t.exposeString('article'),
    paragraph: t.exposeString('paragraph', { nullable: true }),
    subparagraph: t.exposeString('subparagraph', {
      nullable: true,
      description: 'Deeper levels joined by "-" (b, c-i).',
    }),
    decisions: t.loadableList({
      type: DecisionRef,
      description: 'The decisions that apply this article (this exact code), newest first.',
      load: (codes: string[], ctx) => service.findDecisionsByArticles(ctx, codes),
      resolve: (a) => a.code,
    }),
  }),
});

interface AppliedArticle {
  readonly code: string;
  readonly violated: boolean | null;
}

const AppliedArticleRef = builder.objectRef<AppliedArticle>('AppliedArticle').implement({
  description: 'A treaty article a decision applies, with what it found.',
  fields: (t) => ({
    code: t.exposeString('code'),
    violated: t.exposeBoolean('violated', {
      nullable: true,
      description:
        'True: violation found; false: no violation found; null: the source does not say.',
    }),
    article: t.field({ type: TreatyArticleRef, resolve: (a) => a.code }),
  }),
});

builder.objectField(DecisionRef, 'articles', (t) =>
  t.loadableList({
    type: AppliedArticleRef,
    description: 'The treaty articles the decision applies, by code.',
    load: (ids: string[], ctx) => decisions.findDecisionArticles(ctx, ids),
    resolve: (d) => d.id,
  }),
);

builder.queryField('treatyArticle', (t) =>
  t.field({
    type: TreatyArticleRef,
    nullable: true,
    description:
      'A treaty article by canonical code (CCPR-14-1, OPCEDAW-4-2-c), with the decisions that apply it.',
    args: { code: t.arg.string({ required: true }) },
    // OHCHR's form (CEDAW-OP-4-2-c) and any case are read as the canonical code.
    resolve: (_root, { code }) => {
      const parsed = parseArticleCode(code);
      return parsed.ok ? parsed.article.code : code;
    },
  }),
);
