import { builder } from '../../graphql/builder.ts';
import { RecommendationRef } from '../recommendations/index.ts';
import * as service from './deadline.service.ts';
import { todayUtc, type Deadline } from './deadlines.ts';

const DeadlineRef = builder.objectRef<Deadline>('Deadline').implement({
  description:
    "A report or review due under a mechanism's rules (reference/deadlines.csv), counted from the recommendation's date.",
  fields: (t) => ({
    kind: t.exposeString('kind', {
      description:
        'MID_TERM_REPORT, NEXT_REVIEW, FOLLOW_UP_REPORT, COMMITTEE_OF_THE_PARTIES_REPORT.',
    }),
    dueDate: t.field({ type: 'Date', resolve: (d) => d.dueDate }),
    mechanism: t.exposeString('mechanism'),
    description: t.exposeString('description'),
    source: t.exposeString('source', { description: 'Where the rule is written.' }),
    basisDate: t.field({ type: 'Date', resolve: (d) => d.basisDate }),
    approximate: t.exposeBoolean('approximate', {
      description: 'True when only the year of the recommendation is known (counted from 30 June).',
    }),
    passed: t.boolean({ resolve: (d) => d.dueDate < todayUtc() }),
  }),
});

builder.objectFields(RecommendationRef, (t) => ({
  deadlines: t.loadableList({
    type: DeadlineRef,
    description: "Every deadline its mechanism's rules give it, soonest first.",
    load: (ids: string[], ctx) => service.deadlinesOfRecommendations(ctx, ids),
    resolve: (r) => r.id,
  }),
  nextDeadline: t.loadable({
    type: DeadlineRef,
    nullable: true,
    description: 'The first deadline due today or later; null when none applies or all passed.',
    load: (ids: string[], ctx) => service.nextDeadlinesOf(ctx, ids),
    resolve: (r) => r.id,
  }),
}));
