import { builder } from '../../graphql/builder.ts';
import type { Mechanism } from './mechanism.repository.ts';
import * as service from './mechanism.service.ts';

export const MechanismRef = builder.loadableNode('Mechanism', {
  description:
    'A body that issues recommendations: the UPR, a treaty body, a special procedure or a regional mechanism. Mechanisms are data: a new one needs no release.',
  id: { resolve: (m: Mechanism) => m.code },
  load: (codes: string[], ctx) => service.findMechanismsByCodes(ctx, codes),
  sort: (m: Mechanism) => m.code,
  fields: (t) => ({
    code: t.exposeString('code', { description: 'e.g. UPR, CEDAW, GREVIO, SP-VAW.' }),
    name: t.exposeString('name'),
    kind: t.exposeString('kind', {
      description: 'UPR, TREATY_BODY, SPECIAL_PROCEDURE, REGIONAL or OTHER.',
    }),
    system: t.exposeString('system', {
      nullable: true,
      description: 'UN, COUNCIL_OF_EUROPE, INTER_AMERICAN or AFRICAN.',
    }),
  }),
});

// Fields that return mechanisms are added apart, since MechanismRef's own type cannot refer to
// itself while it is being inferred.
builder.objectFields(MechanismRef, (t) => ({
  parent: t.field({
    type: MechanismRef,
    nullable: true,
    description:
      'The body this one belongs to, e.g. the IACHR for its Rapporteurship on the Rights of Women; null for a body of its own.',
    resolve: (m) => m.parent,
  }),
  children: t.loadableList({
    type: MechanismRef,
    description:
      'The bodies that belong to this one (e.g. the Committee of Experts of MESECVI), ordered by code.',
    load: (codes: string[], ctx) => service.findChildren(ctx, codes),
    resolve: (m) => m.code,
  }),
}));

const MechanismFilterInput = builder.inputType('MechanismFilter', {
  fields: (t) => ({
    kinds: t.stringList({ required: false }),
    systems: t.stringList({ required: false }),
  }),
});

builder.queryFields((t) => ({
  mechanism: t.field({
    type: MechanismRef,
    nullable: true,
    args: { code: t.arg.string({ required: true }) },
    resolve: (_root, { code }) => code,
  }),
  mechanisms: t.connection(
    {
      type: MechanismRef,
      description: 'Mechanisms, ordered by code.',
      args: { filter: t.arg({ type: MechanismFilterInput, required: false }) },
      resolve: (_root, { filter, ...page }, ctx) =>
        service.listMechanisms(ctx, { filter, ...page }),
    },
    { name: 'MechanismConnection' },
    { name: 'MechanismEdge' },
  ),
}));
