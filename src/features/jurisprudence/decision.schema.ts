import { builder } from '../../graphql/builder.ts';
import { MechanismRef } from '../mechanisms/index.ts';
import { StateRef } from '../states/index.ts';
import type { Decision } from './decision.repository.ts';
import * as service from './decision.service.ts';

export const DecisionRef = builder.loadableNode('Decision', {
  description:
    'A decision on an individual complaint or application: treaty-body views and (in)admissibility decisions, court judgments. docs/jurisprudence.md.',
  id: { resolve: (d: Decision) => d.id },
  load: (ids: string[], ctx) => service.findDecisionsByIds(ctx, ids),
  sort: (d: Decision) => d.id,
  fields: (t) => ({
    decisionId: t.exposeString('id', {
      description:
        'The stable key: the document symbol (CCPR/C/105/D/1867/2009), `{symbol}#{communication}` where the source gave one symbol to several communications, or `ECtHR/{application number}/{date}`.',
    }),
    symbol: t.exposeString('symbol', { nullable: true }),
    bodyCode: t.exposeString('body', {
      description:
        'Mechanism code of the deciding body: CCPR, CAT, CERD, CEDAW, CRPD, CESCR, CRC, ECtHR.',
    }),
    body: t.field({ type: MechanismRef, resolve: (d) => d.body }),
    kind: t.exposeString('kind', {
      nullable: true,
      description:
        'VIEWS, INADMISSIBILITY, ADMISSIBILITY, JUDGMENT, DECISION; null when the source does not say.',
    }),
    outcome: t.exposeString('outcome', {
      nullable: true,
      description:
        'VIOLATION, NO_VIOLATION, INADMISSIBLE, ADMISSIBLE, STRUCK_OUT; null when the source does not say (the OHCHR data does not record what views found).',
    }),
    date: t.exposeString('date', {
      nullable: true,
      description: 'ISO date of adoption or judgment.',
    }),
    year: t.exposeInt('year', { nullable: true }),
    communicationNumbers: t.exposeStringList('communicationNumbers'),
    applicationNumbers: t.exposeStringList('applicationNumbers'),
    title: t.exposeString('title', {
      nullable: true,
      description: 'Case name, e.g. "R.D. v. Switzerland".',
    }),
    session: t.exposeString('session', { nullable: true }),
    issues: t.exposeStringList('issues', {
      description: 'Subject keywords as the source gives them.',
    }),
    respondents: t.field({
      type: [StateRef],
      description:
        'The respondent state(s). Several only when the source names several states without saying which is the respondent (see ambiguousRespondent).',
      resolve: (d) => [...d.respondents],
    }),
    ambiguousRespondent: t.exposeBoolean('ambiguousRespondent'),
    returnStates: t.field({
      type: [StateRef],
      description:
        'Countries of feared return (non-refoulement), where the source tells them apart.',
      resolve: (d) => [...d.returnStates],
    }),
    url: t.exposeString('url', { nullable: true }),
    dataset: t.exposeString('dataset', { description: 'Where the decision was imported from.' }),
    sourceIds: t.exposeStringList('sourceIds', {
      description: "The source rows it was read from (the source's item id, or file and line).",
    }),
  }),
});

const YearRangeInput = builder.inputType('DecisionYearRange', {
  fields: (t) => ({
    from: t.int({ required: false }),
    to: t.int({ required: false }),
  }),
});

const DecisionFilterInput = builder.inputType('DecisionFilter', {
  fields: (t) => ({
    bodies: t.stringList({ required: false, description: 'Mechanism codes, e.g. CCPR, ECtHR.' }),
    states: t.stringList({ required: false, description: 'ISO3 codes of respondent states.' }),
    articles: t.stringList({
      required: false,
      description:
        'Treaty-article codes; a code matches its paragraphs too (CCPR-14 matches CCPR-14-1).',
    }),
    outcomes: t.stringList({ required: false }),
    years: t.field({ type: YearRangeInput, required: false }),
    text: t.string({
      required: false,
      description: 'Case-insensitive substring of the symbol, title, numbers or issues.',
    }),
  }),
});

builder.queryFields((t) => ({
  decision: t.field({
    type: DecisionRef,
    nullable: true,
    description: 'A decision by its id (decisionId).',
    args: { id: t.arg.string({ required: true }) },
    resolve: (_root, { id }) => id,
  }),
  decisions: t.connection(
    {
      type: DecisionRef,
      description: 'Decisions matching the filter, oldest first (by date, then id).',
      args: { filter: t.arg({ type: DecisionFilterInput, required: false }) },
      resolve: (_root, { filter, ...page }, ctx) => service.listDecisions(ctx, { filter, ...page }),
    },
    { name: 'DecisionConnection' },
    { name: 'DecisionEdge' },
  ),
}));

builder.objectField(StateRef, 'decisions', (t) =>
  t.loadableList({
    type: DecisionRef,
    description:
      'Decisions and judgments against the state (including those naming it among several states), newest first.',
    load: (iso3s: string[], ctx) => service.findDecisionsByStates(ctx, iso3s),
    resolve: (state) => state.iso3,
  }),
);
