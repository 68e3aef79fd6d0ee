/**
 * Who is asking. Until signed tokens arrive (issue 5), the only credential is the admin token
 * from configuration (RECGRAPH_ADMIN_TOKEN), sent as `Authorization: Bearer <token>`; everyone
 * else is anonymous and can read the public data.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';

export type Role = 'ANONYMOUS' | 'ADMIN';

export interface Viewer {
  readonly role: Role;
  /** Recorded as `reviewedBy` and in audit entries; null when anonymous. */
  readonly name: string | null;
}

export const ANONYMOUS: Viewer = Object.freeze({ role: 'ANONYMOUS', name: null });
const ADMIN: Viewer = Object.freeze({ role: 'ADMIN', name: 'admin' });

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * The viewer an Authorization header names.
 * @param adminToken the configured admin token; undefined when none is configured
 * @throws UnauthenticatedError when a token is sent that is not valid, rather than quietly
 *   treating the caller as anonymous (a client with a stale token should hear about it)
 */
export function viewerFromAuthorization(
  header: string | null,
  adminToken: string | undefined,
): Viewer {
  if (!header) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
  // Comparing digests keeps the comparison constant-time whatever the lengths.
  if (adminToken && timingSafeEqual(digest(match[1]!), digest(adminToken))) return ADMIN;
  throw new UnauthenticatedError('the bearer token is not valid');
}

/** What each role may do; a role not listed for a permission does not have it. */
const PERMISSIONS = {
  /** Confirm or reject detected overlaps (REVIEWER in issue 5's roles, and ADMIN). */
  reviewOverlaps: ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** @throws ForbiddenError when the viewer lacks the permission */
export function requirePermission(viewer: Viewer, permission: Permission): void {
  if (!(PERMISSIONS[permission] as readonly Role[]).includes(viewer.role)) {
    throw new ForbiddenError(
      viewer.role === 'ANONYMOUS'
        ? `${permission} needs a signed-in reviewer: send "Authorization: Bearer <token>"`
        : `${permission} is not allowed for the ${viewer.role} role`,
    );
  }
}
