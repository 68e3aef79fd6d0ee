import { builder } from '../../graphql/builder.ts';
import type { SdgGoal, SdgTarget } from './sdg.repository.ts';
import * as service from './sdg.service.ts';

export const SdgGoalRef = builder.loadableObject('SdgGoal', {
  description: 'A Sustainable Development Goal (1-17), official UN wording.',
  load: (codes: string[], ctx) => service.findGoalsByCodes(ctx, codes),
  sort: (goal: SdgGoal) => goal.code,
  fields: (t) => ({
    code: t.exposeString('code'),
    number: t.exposeInt('number'),
    shortTitle: t.exposeString('shortTitle'),
    title: t.exposeString('title'),
    titleFr: t.exposeString('titleFr'),
    titleEs: t.exposeString('titleEs'),
  }),
});

export const SdgTargetRef = builder.objectRef<SdgTarget>('SdgTarget').implement({
  description: 'One of the 169 SDG targets ("5.2", "16.a").',
  fields: (t) => ({
    code: t.exposeString('code'),
    goal: t.field({ type: SdgGoalRef, resolve: (target) => target.goal }),
    title: t.exposeString('title'),
    titleFr: t.exposeString('titleFr'),
    titleEs: t.exposeString('titleEs'),
  }),
});

builder.queryFields((t) => ({
  sdgGoals: t.connection(
    {
      type: SdgGoalRef,
      description: 'The 17 goals, in order.',
      resolve: (_root, page, ctx) => service.listGoals(ctx, page),
    },
    { name: 'SdgGoalConnection' },
    { name: 'SdgGoalEdge' },
  ),
  sdgTargets: t.connection(
    {
      type: SdgTargetRef,
      description: 'The 169 targets in official order, optionally of one goal.',
      args: { goal: t.arg.string({ required: false, description: 'Goal code, e.g. "5".' }) },
      resolve: (_root, { goal, ...page }, ctx) => service.listTargets(ctx, { goal, ...page }),
    },
    { name: 'SdgTargetConnection' },
    { name: 'SdgTargetEdge' },
  ),
}));
