import type { DbContext } from '../../graphql/context.ts';
import { cypher } from '../../db/cypher.ts';
import type { Tx } from '../../db/run.ts';

/** An audit entry as stored: `before` and `after` are JSON snapshots (null for create/delete). */
export interface AuditEvent {
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly role: string;
  readonly operation: string;
  readonly entityType: string;
  readonly entityId: string;
  readonly parentId: string | null;
  readonly state: string | null;
  readonly before: string | null;
  readonly after: string | null;
}

export type NewAuditEvent = Omit<AuditEvent, 'at'>;

/** Writes one entry inside the caller's transaction, so it commits or rolls back with the change. */
export async function createAuditEvent(tx: Tx, event: NewAuditEvent): Promise<void> {
  await tx.run(cypher('audit/create-event'), { ...event });
}

export async function findAuditTrail(
  { db }: DbContext,
  entityId: string,
  limit: number,
): Promise<AuditEvent[]> {
  const rows = await db.read<{ event: AuditEvent }>(cypher('audit/find-trail'), {
    entityId,
    limit,
  });
  return rows.map((row) => row.event);
}
