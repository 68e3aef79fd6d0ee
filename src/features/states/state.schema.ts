import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import type { Ratification, Region, State } from './state.repository.ts';
import * as service from './state.service.ts';

/** Validates an argument holding an ISO 3166 alpha-3 code (any case), named in the message. */
export const iso3Arg = (name = 'iso3') =>
  z.string().regex(/^[A-Za-z]{3}$/u, `${name} must be a three-letter ISO 3166 code`);

export const LanguageEnum = builder.enumType('Language', {
  description: 'The six official UN languages (ISO 639-1).',
  values: { en: {}, fr: {}, es: {}, ru: {}, zh: {}, ar: {} } as const,
});

export const RegionRef = builder.loadableObjectRef('Region', {
  load: (codes: string[], ctx) => service.findRegionsByCodes(ctx, codes),
  sort: (region: Region) => region.code,
});
RegionRef.implement({
  description: 'A UN M49 region (world, region, sub-region or intermediate region).',
  fields: (t) => ({
    code: t.exposeString('code', { description: 'M49 code, e.g. "039" (Southern Europe).' }),
    name: t.exposeString('name'),
    level: t.exposeString('level', {
      description: 'WORLD, REGION, SUB_REGION or INTERMEDIATE_REGION.',
    }),
    parent: t.field({ type: RegionRef, nullable: true, resolve: (region) => region.parent }),
  }),
});

const RatificationRef = builder.objectRef<Ratification>('Ratification').implement({
  description:
    'Where a state stands on an instrument (the core UN ones, and any whose ratification table was imported).',
  fields: (t) => ({
    instrument: t.exposeString('instrument', {
      description: 'Instrument code, e.g. CEDAW, OP-CAT.',
    }),
    name: t.exposeString('name'),
    status: t.exposeString('status', { description: 'PARTY (ratified or acceded) or SIGNATORY.' }),
    year: t.exposeInt('year', {
      nullable: true,
      description: 'Year of ratification or accession.',
    }),
  }),
});

const CountRef = builder.objectRef<{ key: string | null; count: number }>('Count').implement({
  fields: (t) => ({
    key: t.exposeString('key', {
      nullable: true,
      description: 'The value counted; null where it is not known.',
    }),
    count: t.exposeInt('count'),
  }),
});

const RecommendationCountsRef = builder
  .objectRef<service.RecommendationCounts>('RecommendationCounts')
  .implement({
    fields: (t) => ({
      total: t.exposeInt('total'),
      byResponse: t.field({ type: [CountRef], resolve: (c) => c.byResponse }),
      byMechanism: t.field({ type: [CountRef], resolve: (c) => c.byMechanism }),
      byCycle: t.field({ type: [CountRef], resolve: (c) => c.byCycle }),
    }),
  });

export const StateRef = builder.loadableNode('State', {
  description: 'A state (ISO 3166), addressed by recommendations or making them.',
  id: { resolve: (state: State) => state.iso3 },
  load: (iso3s: string[], ctx) => service.findStatesByIso3s(ctx, iso3s),
  sort: (state: State) => state.iso3,
  fields: (t) => ({
    iso3: t.exposeString('iso3', { description: 'ISO 3166-1 alpha-3 code, the key.' }),
    iso2: t.exposeString('iso2'),
    m49: t.exposeString('m49', { description: 'UN M49 numeric code.' }),
    name: t.exposeString('name', { description: 'UN short name in English.' }),
    formalName: t.exposeString('formalName', { nullable: true }),
    names: t.loadableList({
      type: 'String',
      description:
        'Name variants, all languages, or the UN short and formal names in one language.',
      args: { language: t.arg({ type: LanguageEnum, required: false }) },
      // Read only when asked for, for all the states of a request at once: the key is the state
      // and the language ("SVN" or "SVN:fr").
      load: (keys: string[], ctx) => service.findNames(ctx, keys),
      resolve: (state, { language }) => (language ? `${state.iso3}:${language}` : state.iso3),
    }),
    unMember: t.exposeBoolean('unMember'),
    unObserver: t.exposeBoolean('unObserver', {
      description: 'UN observer state (Holy See, State of Palestine).',
    }),
    ldc: t.exposeBoolean('ldc', { description: 'Least developed country (M49).' }),
    lldc: t.exposeBoolean('lldc', { description: 'Landlocked developing country (M49).' }),
    sids: t.exposeBoolean('sids', { description: 'Small island developing state (M49).' }),
    region: t.field({ type: RegionRef, nullable: true, resolve: (state) => state.region }),
    ratifications: t.loadableList({
      type: RatificationRef,
      description:
        'Status for the 18 core UN human-rights instruments, and for any other instrument whose ratification table was imported (`recgraph import --format ratifications`): party or signatory; others omitted.',
      load: (iso3s: string[], ctx) => service.findRatifications(ctx, iso3s),
      resolve: (state) => state.iso3,
    }),
    recommendationCounts: t.field({
      type: RecommendationCountsRef,
      description:
        'How many recommendations the state received, in total and by response, mechanism and cycle.',
      resolve: (state, _args, ctx) => service.recommendationCounts(ctx, state),
    }),
  }),
});

const StateFilterInput = builder.inputType('StateFilter', {
  fields: (t) => ({
    unMember: t.boolean({ required: false }),
    region: t.string({
      required: false,
      description:
        'M49 code of a region the state is in, at any level (e.g. 150 Europe, 154 Northern Europe).',
    }),
  }),
});

builder.queryFields((t) => ({
  state: t.field({
    type: StateRef,
    nullable: true,
    description: 'A state by ISO3 code (case-insensitive); null when there is none.',
    args: {
      iso3: t.arg.string({ required: true, validate: iso3Arg() }),
    },
    resolve: (_root, { iso3 }) => iso3.toUpperCase(),
  }),
  states: t.connection(
    {
      type: StateRef,
      description: 'States, ordered by ISO3 code.',
      args: { filter: t.arg({ type: StateFilterInput, required: false }) },
      resolve: (_root, { filter, ...page }, ctx) => service.listStates(ctx, { filter, ...page }),
    },
    { name: 'StateConnection' },
    { name: 'StateEdge' },
  ),
}));
