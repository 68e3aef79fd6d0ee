import { z } from 'zod';
import { builder } from '../../graphql/builder.ts';
import type { AuditEvent } from './audit.repository.ts';
import * as service from './audit.service.ts';

const AuditEventRef = builder.objectRef<AuditEvent>('AuditEvent').implement({
  description: 'One change, recorded in the same transaction as the change itself.',
  fields: (t) => ({
    id: t.exposeID('id'),
    at: t.exposeString('at', { description: 'When (ISO 8601 date-time, UTC).' }),
    actor: t.exposeString('actor', { description: "Who: the token's subject." }),
    role: t.exposeString('role', { description: 'The role they acted in.' }),
    operation: t.exposeString('operation', { description: 'e.g. UPDATE_FOLLOW_UP_ACTION.' }),
    entityType: t.exposeString('entityType'),
    entityId: t.exposeString('entityId'),
    parentId: t.exposeString('parentId', {
      nullable: true,
      description: 'The entity it belongs to (the action of a progress update or indicator).',
    }),
    state: t.exposeString('state', { nullable: true }),
    before: t.exposeString('before', {
      nullable: true,
      description: 'JSON snapshot before the change; null for a creation.',
    }),
    after: t.exposeString('after', {
      nullable: true,
      description: 'JSON snapshot after the change; null for a deletion.',
    }),
  }),
});

builder.queryFields((t) => ({
  auditTrail: t.field({
    type: [AuditEventRef],
    description:
      "Every recorded change to an entity and to what belongs to it, newest first. A state's follow-up history is visible to its committee, analysts, reviewers and admins; to anyone else the list is empty, as for an unknown id.",
    args: {
      entityId: t.arg.id({ required: true }),
      first: t.arg.int({
        required: false,
        description: `At most this many entries (default 100, at most ${service.MAX_TRAIL}).`,
        validate: z.number().int().min(1).max(service.MAX_TRAIL),
      }),
    },
    resolve: (_root, { entityId, first }, ctx) =>
      service.auditTrail(ctx, String(entityId), first ?? undefined),
  }),
}));
