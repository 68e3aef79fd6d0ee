import { DuplicateConflictError } from '../../core/errors.ts';
import { builder } from '../../graphql/builder.ts';
import { StateRef } from '../states/index.ts';
import type { AgencyRecord } from './agency.repository.ts';
import * as service from './agency.service.ts';
import { WRITE_ERRORS } from './follow-up-checks.ts';

export const AgencyRef = builder.loadableNode('Agency', {
  description: 'A public body of a state responsible for follow-up actions.',
  id: { resolve: (g: AgencyRecord) => g.id },
  load: (ids: string[], ctx) => service.findAgenciesByIds(ctx, ids),
  sort: (g: AgencyRecord) => g.id,
  fields: (t) => ({
    state: t.field({ type: StateRef, resolve: (g) => g.state }),
    name: t.exposeString('name'),
    kind: t.exposeString('kind', { nullable: true, description: 'e.g. ministry, agency, court.' }),
    contact: t.string({
      nullable: true,
      description: "Internal: null unless the viewer may read the state's internal follow-up.",
      resolve: (g, _args, ctx) => (service.canSeeContact(ctx.viewer, g) ? g.contact : null),
    }),
  }),
});

builder.objectFields(StateRef, (t) => ({
  agencies: t.field({
    type: [AgencyRef],
    description: 'The agencies of this state responsible for follow-up, by name.',
    resolve: (state, _args, ctx) => service.stateAgencies(ctx, state.iso3),
  }),
}));

const CreateAgencyInput = builder.inputType('CreateAgencyInput', {
  fields: (t) => ({
    state: t.string({ required: true }),
    name: t.string({ required: true, description: 'Unique within the state.' }),
    kind: t.string({ required: false }),
    contact: t.string({ required: false }),
  }),
});

const UpdateAgencyInput = builder.inputType('UpdateAgencyInput', {
  fields: (t) => ({
    id: t.id({ required: true }),
    name: t.string({ required: false }),
    kind: t.string({ required: false }),
    contact: t.string({ required: false }),
  }),
});

builder.mutationFields((t) => ({
  createAgency: t.field({
    type: AgencyRef,
    errors: {
      types: [...WRITE_ERRORS, DuplicateConflictError],
      directResult: true,
      union: { name: 'CreateAgencyResult' },
    },
    args: { input: t.arg({ type: CreateAgencyInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.createAgency(ctx, input),
  }),
  updateAgency: t.field({
    type: AgencyRef,
    errors: {
      types: [...WRITE_ERRORS, DuplicateConflictError],
      directResult: true,
      union: { name: 'UpdateAgencyResult' },
    },
    args: { input: t.arg({ type: UpdateAgencyInput, required: true }) },
    resolve: (_root, { input }, ctx) => service.updateAgency(ctx, input),
  }),
  deleteAgency: t.field({
    type: AgencyRef,
    description: 'Delete an agency (its actions stay, without it); returns it as it was.',
    errors: { types: WRITE_ERRORS, directResult: true, union: { name: 'DeleteAgencyResult' } },
    args: { id: t.arg.id({ required: true }) },
    resolve: (_root, { id }, ctx) => service.deleteAgency(ctx, { id: String(id) }),
  }),
}));
