/**
 * The audit trail: every successful mutation writes exactly one AuditEvent (who, when, operation,
 * entity, before/after) in its own transaction; a failed one writes none because its transaction
 * rolls back.
 */
import { randomUUID } from 'node:crypto';
import { canSeeInternal, type Viewer } from '../../auth/viewer.ts';
import type { Context } from '../../graphql/context.ts';
import type { Tx } from '../../db/run.ts';
import { storedId } from '../../core/global-id.ts';
import * as repository from './audit.repository.ts';

export interface AuditInput {
  /** What was done, e.g. UPDATE_FOLLOW_UP_ACTION. */
  readonly operation: string;
  readonly entityType: string;
  readonly entityId: string;
  /** The entity it belongs to (an action for its progress updates and indicators). */
  readonly parentId?: string | null;
  /** The state whose data changed; decides who may read the entry. */
  readonly state: string | null;
  readonly before: unknown;
  readonly after: unknown;
}

const snapshot = (value: unknown) =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** Records one change, inside the transaction that makes it. */
export function recordAudit(tx: Tx, viewer: Viewer, input: AuditInput): Promise<void> {
  return repository.createAuditEvent(tx, {
    id: randomUUID(),
    actor: viewer.name ?? 'anonymous',
    role: viewer.role,
    operation: input.operation,
    entityType: input.entityType,
    entityId: input.entityId,
    parentId: input.parentId ?? null,
    state: input.state,
    before: snapshot(input.before),
    after: snapshot(input.after),
  });
}

/** The types whose global IDs name an audited entity (follow-up objects, recommendations). */
const AUDITED_TYPES = ['FollowUpAction', 'Agency', 'Recommendation'] as const;

/** How many entries `auditTrail` returns at most. */
export const MAX_TRAIL = 500;

/**
 * The history of an entity (and of what belongs to it), newest first. Entries of a state's
 * follow-up are internal: a viewer who may not read them gets an empty list, exactly as for an
 * entity that never existed.
 */
export async function auditTrail(
  ctx: Pick<Context, 'db' | 'viewer'>,
  entityId: string,
  first = 100,
): Promise<repository.AuditEvent[]> {
  // Global ids ("FollowUpAction:…") name the same entity as the stored id.
  const id = storedId(entityId, ...AUDITED_TYPES);
  const events = await repository.findAuditTrail(ctx, id, Math.min(first, MAX_TRAIL));
  return events.filter((e) => e.state === null || canSeeInternal(ctx.viewer, e.state));
}
