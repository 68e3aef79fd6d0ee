/**
 * GraphQL for the treaty bodies' general comments and recommendations: `generalComments(filter)`
 * and `generalComment(id)`, with paragraphs and interpreted articles loaded in batches.
 * See docs/jurisprudence.md, "General comments and recommendations".
 */
import { builder } from '../../graphql/builder.ts';
import { YearRangeInput } from '../recommendations/index.ts';
import { TreatyArticleRef } from './article.schema.ts';
import type { GeneralComment, GeneralCommentParagraph } from './general-comment.repository.ts';
import * as service from './general-comment.service.ts';

export const GeneralCommentParagraphRef = builder
  .objectRef<GeneralCommentParagraph>('GeneralCommentParagraph')
  .implement({
    description: 'One numbered paragraph of a general comment or recommendation.',
    fields: (t) => ({
      id: t.exposeString('id', { description: '{reference}#{number}, e.g. "CEDAW/GR/35#24".' }),
      number: t.exposeInt('number'),
      text: t.exposeString('text'),
      concernedGroups: t.stringList({
        description:
          'The groups of persons the source annotated it with ("Women/girls", "Children", …); empty when unlabelled.',
        resolve: (p) => [...(p.concernedGroups ?? [])],
      }),
    }),
  });

export const GeneralCommentRef = builder.loadableNode('GeneralComment', {
  description:
    'A general comment (CCPR, CESCR, CRC, CAT, CRPD, CMW, CED) or general recommendation (CEDAW, CERD) of a UN treaty body.',
  id: { resolve: (c: GeneralComment) => c.id },
  load: (ids: string[], ctx) => service.findGeneralCommentsByIds(ctx, ids),
  sort: (c: GeneralComment) => c.id,
  fields: (t) => ({
    reference: t.exposeString('id', {
      description:
        'The canonical reference: {BODY}/GC/{n} or {BODY}/GR/{n} (CEDAW, CERD); a joint one takes the first of its references alphabetically.',
    }),
    aliases: t.stringList({
      description:
        'All its references, the canonical one included (a joint comment has one per body).',
      resolve: (c) => [...c.aliases],
    }),
    symbol: t.exposeString('symbol', {
      nullable: true,
      description:
        'The UN document symbol as the source gives it (older ones: the report or compilation).',
    }),
    body: t.exposeString('body', { description: 'The body of the canonical reference.' }),
    bodies: t.stringList({
      description: 'Every body that adopted it (two for a joint comment).',
      resolve: (c) => [...c.bodies],
    }),
    number: t.exposeInt('number', { description: 'Its number in the canonical reference.' }),
    title: t.exposeString('title'),
    year: t.exposeInt('year', { nullable: true, description: 'Year of adoption.' }),
    adoptionDate: t.exposeString('adoptionDate', {
      nullable: true,
      description: 'Date (YYYY-MM-DD) the source gives for it, when it gives one.',
    }),
    language: t.exposeString('language', { description: 'ISO 639-1 code of the text.' }),
    dataset: t.exposeString('dataset', { description: 'The dataset it was imported from.' }),
    url: t.exposeString('url', { nullable: true }),
    paragraphCount: t.exposeInt('paragraphCount'),
    importWarnings: t.stringList({
      description:
        'What the import worked around (numbers the sources disagree on, a repeated paragraph number).',
      resolve: (c) => [...(c.importWarnings ?? [])],
    }),
    articles: t.loadableList({
      type: 'String',
      description:
        'Codes of the treaty articles it interprets (CEDAW-2, CCPR-14-1), as named in its title.',
      load: (ids: string[], ctx) => service.articlesOfGeneralComments(ctx, ids),
      resolve: (c) => c.id,
    }),
    paragraphs: t.loadableList({
      type: GeneralCommentParagraphRef,
      description: 'Its paragraphs in number order.',
      load: (ids: string[], ctx) => service.paragraphsOfGeneralComments(ctx, ids),
      resolve: (c) => c.id,
    }),
  }),
});

export const GeneralCommentFilterInput = builder.inputType('GeneralCommentFilter', {
  description: 'All given fields must match (AND); within a list, any value matches (OR).',
  fields: (t) => ({
    bodies: t.stringList({
      required: false,
      description: 'Body codes (CEDAW, CCPR, …); a joint comment matches each of its bodies.',
    }),
    years: t.field({ type: YearRangeInput, required: false, description: 'Years of adoption.' }),
    text: t.string({
      required: false,
      description: 'Words to find, case-insensitively, in the title or any paragraph.',
    }),
  }),
});

builder.queryFields((t) => ({
  generalComment: t.field({
    type: GeneralCommentRef,
    nullable: true,
    description:
      'A general comment or recommendation by its reference ("CEDAW/GR/35"), an alias ("CRC/GC/18" for the joint CEDAW/GR/31) or global ID; null when there is none.',
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => service.findGeneralComment(ctx, String(id)),
  }),
  generalComments: t.connection(
    {
      type: GeneralCommentRef,
      description: 'General comments and recommendations matching the filter, by body then number.',
      args: { filter: t.arg({ type: GeneralCommentFilterInput, required: false }) },
      resolve: (_root, { filter, ...page }, ctx) =>
        service.listGeneralComments(ctx, { filter, ...page }),
    },
    { name: 'GeneralCommentConnection' },
    { name: 'GeneralCommentEdge' },
  ),
}));

builder.objectField(TreatyArticleRef, 'generalComments', (t) =>
  t.loadableList({
    type: GeneralCommentRef,
    description:
      'The general comments and recommendations that interpret this article, or the whole article it is part of (CERD-1 for CERD-1-1), by body then number.',
    load: (codes: string[], ctx) => service.generalCommentsOnArticles(ctx, codes),
    resolve: (a) => a.code,
  }),
);
