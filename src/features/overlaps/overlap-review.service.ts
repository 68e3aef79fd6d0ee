/** Review of detected overlaps: a reviewer confirms or rejects a link, named by its overlap id. */
import { requirePermission } from '../../auth/viewer.ts';
import type { Context } from '../../graphql/context.ts';
import { InvalidInputError, NotFoundError } from '../../core/errors.ts';
import { buildClusters } from './clusters.ts';
import { DETECTOR_VERSION } from './detect.ts';
import { recordAudit } from '../audit/index.ts';
import * as repository from './overlap.repository.ts';

/**
 * An overlap's id names its two recommendations in stored order, as a JSON array: readable, and
 * unambiguous whatever characters the recommendation ids hold.
 * @example overlapId('A/HRC/28/15#115.9', 'A/HRC/28/15#115.1') === '["A/HRC/28/15#115.1","A/HRC/28/15#115.9"]'
 */
export function overlapId(x: string, y: string): string {
  return JSON.stringify(x < y ? [x, y] : [y, x]);
}

function parseOverlapId(id: string): { a: string; b: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(id);
  } catch {
    parsed = null;
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    !parsed.every((x): x is string => typeof x === 'string' && x.length > 0) ||
    parsed[0] === parsed[1]
  ) {
    throw new InvalidInputError(`${JSON.stringify(id)} is not an overlap id`, 'id');
  }
  const [x, y] = parsed as [string, string];
  return x < y ? { a: x, b: y } : { a: y, b: x };
}

export type ReviewDecision = 'CONFIRMED' | 'REJECTED';

/**
 * A reviewer confirms or rejects a detected link. The decision survives re-detection (`--full`
 * keeps it), and a rejection takes the link out of the state's clusters at once.
 * @throws ForbiddenError unless the viewer may review overlaps
 * @throws InvalidInputError for a malformed id
 * @throws NotFoundError when no such link is stored
 */
export async function reviewOverlap(
  ctx: Pick<Context, 'db' | 'viewer'>,
  input: { id: string; decision: ReviewDecision; note?: string | null | undefined },
): Promise<repository.OverlapView> {
  requirePermission(ctx.viewer, 'reviewOverlaps');
  const { a, b } = parseOverlapId(input.id);
  if (input.note && input.note.length > 2000) {
    throw new InvalidInputError('note must be at most 2000 characters', 'note');
  }
  const view = await repository.reviewOverlap(
    ctx,
    {
      a,
      b,
      decision: input.decision,
      reviewer: ctx.viewer.name ?? 'unknown',
      note: input.note?.trim() || null,
    },
    DETECTOR_VERSION,
    buildClusters,
    (tx, change) =>
      recordAudit(tx, ctx.viewer, {
        operation: 'REVIEW_OVERLAP',
        entityType: 'Overlap',
        entityId: overlapId(a, b),
        state: change.state,
        before: change.before,
        after: {
          status: change.after.status,
          reviewedBy: change.after.reviewedBy,
          reviewedAt: change.after.reviewedAt,
          reviewNote: change.after.reviewNote,
        },
      }),
  );
  if (!view) throw new NotFoundError('Overlap', input.id);
  return view;
}
