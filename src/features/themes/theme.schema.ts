import { builder } from '../../graphql/builder.ts';
import type { AffectedGroup, Theme } from './theme.repository.ts';
import * as service from './theme.service.ts';

export const ThemeRef = builder.objectRef<Theme>('Theme').implement({
  description: 'A theme in one vocabulary. Codes are stored; labels may change.',
  fields: (t) => ({
    scheme: t.exposeString('scheme', {
      description:
        'UHRI (current OHCHR theme names), UHRI_LEGACY (coded, e.g. "A12"), or a source vocabulary.',
    }),
    code: t.exposeString('code'),
    label: t.exposeString('label'),
  }),
});

export const AffectedGroupRef = builder.objectRef<AffectedGroup>('AffectedGroup').implement({
  description: 'A group of persons a recommendation concerns (UHRI "affected persons").',
  fields: (t) => ({
    code: t.exposeString('code'),
    label: t.exposeString('label'),
  }),
});

builder.queryFields((t) => ({
  themes: t.connection(
    {
      type: ThemeRef,
      description: 'Themes, ordered by scheme and code.',
      args: { scheme: t.arg.string({ required: false }) },
      resolve: (_root, { scheme, ...page }, ctx) => service.listThemes(ctx, { scheme, ...page }),
    },
    { name: 'ThemeConnection' },
    { name: 'ThemeEdge' },
  ),
  affectedGroups: t.connection(
    {
      type: AffectedGroupRef,
      description: 'Affected groups, ordered by code.',
      resolve: (_root, page, ctx) => service.listAffectedGroups(ctx, page),
    },
    { name: 'AffectedGroupConnection' },
    { name: 'AffectedGroupEdge' },
  ),
}));
