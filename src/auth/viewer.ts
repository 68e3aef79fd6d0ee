/**
 * Who is asking. A request may carry `Authorization: Bearer <token>`:
 * - a JWT (HS256 with the configured or local development secret, or verified against a JWKS
 *   URL) whose claims give the role and the states: `{ sub, role, states }`;
 * - or the admin token from configuration (RECGRAPH_ADMIN_TOKEN), for scripts.
 * Without one the caller is anonymous and reads the public data.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify, SignJWT, type JWTVerifyGetKey } from 'jose';
import { z } from 'zod';
import { ForbiddenError, UnauthenticatedError } from '../core/errors.ts';

export const ROLES = ['ANALYST', 'COMMITTEE', 'REVIEWER', 'ADMIN'] as const;
/** A role a token can carry. */
export type SignedRole = (typeof ROLES)[number];
export type Role = 'ANONYMOUS' | SignedRole;

export interface Viewer {
  readonly role: Role;
  /** The token's subject; recorded as `reviewedBy` and in audit entries. Null when anonymous. */
  readonly name: string | null;
  /** ISO3 codes of the states a committee member works for. */
  readonly states: readonly string[];
}

export const ANONYMOUS: Viewer = Object.freeze({ role: 'ANONYMOUS', name: null, states: [] });
const ADMIN: Viewer = Object.freeze({ role: 'ADMIN', name: 'admin', states: [] });

/** Tokens are issued for and by recgraph. */
const ISSUER = 'recgraph';
const AUDIENCE = 'recgraph';

const ClaimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(ROLES),
  states: z
    .array(z.string().regex(/^[A-Z]{3}$/u))
    .optional()
    .default([]),
});

export interface AuthOptions {
  /** Bearer token granting ADMIN without a JWT; undefined for none. */
  readonly adminToken?: string | undefined;
  /** HS256 secret JWTs are signed with. */
  readonly jwtSecret?: string | undefined;
  /** Verify JWTs against this JWKS instead (RS256, ES256...). */
  readonly jwksUrl?: string | undefined;
}

/** Resolves the viewer of a request from its Authorization header. */
export type Authenticate = (header: string | null) => Promise<Viewer>;

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * @throws UnauthenticatedError (from the returned function) when a token is sent that is not
 *   valid: malformed, expired, wrongly signed, or with claims that are not recgraph's. A client
 *   with a stale token hears about it rather than being treated as anonymous.
 */
export function createAuthenticator(options: AuthOptions): Authenticate {
  const key: Uint8Array | JWTVerifyGetKey | null = options.jwksUrl
    ? createRemoteJWKSet(new URL(options.jwksUrl))
    : options.jwtSecret
      ? new TextEncoder().encode(options.jwtSecret)
      : null;
  const admin = options.adminToken ? digest(options.adminToken) : null;
  return async (header) => {
    if (!header) return ANONYMOUS;
    const match = /^Bearer\s+(\S+)\s*$/iu.exec(header);
    if (!match) throw new UnauthenticatedError('the Authorization header must be "Bearer <token>"');
    const token = match[1]!;
    // Comparing digests keeps the comparison constant-time whatever the lengths.
    if (admin && timingSafeEqual(digest(token), admin)) return ADMIN;
    if (!key || token.split('.').length !== 3) {
      throw new UnauthenticatedError('the bearer token is not valid');
    }
    let payload: unknown;
    try {
      const verified =
        key instanceof Uint8Array
          ? await jwtVerify(token, key, {
              issuer: ISSUER,
              audience: AUDIENCE,
              algorithms: ['HS256'],
            })
          : await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE });
      payload = verified.payload;
    } catch (error) {
      throw new UnauthenticatedError(
        `the bearer token is not valid: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const claims = ClaimsSchema.safeParse(payload);
    if (!claims.success) {
      throw new UnauthenticatedError('the bearer token does not carry a recgraph role and states');
    }
    return Object.freeze({
      role: claims.data.role,
      name: claims.data.sub,
      states: Object.freeze([...claims.data.states]),
    });
  };
}

/**
 * A token for `role` (and `states`), signed with an HS256 secret.
 * @example await signToken({ secret, role: 'COMMITTEE', states: ['SVN'], name: 'svn-committee' })
 */
export function signToken(options: {
  readonly secret: string;
  readonly role: SignedRole;
  readonly states?: readonly string[];
  readonly name: string;
  /** How long it is valid, as jose reads it ("12h", "30d"). @default '12h' */
  readonly expiresIn?: string;
}): Promise<string> {
  return new SignJWT({ role: options.role, states: [...(options.states ?? [])] })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(options.name)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '12h')
    .sign(new TextEncoder().encode(options.secret));
}

/** What each role may do; a role not listed for a permission does not have it. */
const PERMISSIONS = {
  /** Confirm or reject detected overlaps. */
  reviewOverlaps: ['REVIEWER', 'ADMIN'],
  /** Confirm or reject SAME_AS links between two records of one recommendation. */
  reviewSameAs: ['REVIEWER', 'ADMIN'],
  /** Change follow-up (actions, agencies, progress, indicators); of which states: `canEditState`. */
  editFollowUp: ['COMMITTEE', 'ADMIN'],
  /**
   * Record an assessment of a recommendation: reviewers for mechanisms, NHRIs and civil society,
   * committees for their own state (`assessorKinds`).
   */
  recordAssessments: ['REVIEWER', 'COMMITTEE', 'ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

/** Whether the viewer holds a permission (for any state). */
export function hasPermission(viewer: Viewer, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(viewer.role);
}

/** Whether the viewer may change `state`'s follow-up: an admin, or a committee of that state. */
export function canEditState(viewer: Viewer, state: string): boolean {
  return viewer.role === 'ADMIN' || (viewer.role === 'COMMITTEE' && viewer.states.includes(state));
}

/**
 * Whether the viewer may read the non-public parts of `state`'s follow-up (progress updates,
 * indicators, agency contacts, the audit trail): analysts, reviewers and admins read every
 * state's; a committee reads its own states'; anonymous callers read none.
 */
export function canSeeInternal(viewer: Viewer, state: string): boolean {
  return (
    viewer.role === 'ANALYST' ||
    viewer.role === 'REVIEWER' ||
    viewer.role === 'ADMIN' ||
    (viewer.role === 'COMMITTEE' && viewer.states.includes(state))
  );
}

/** @throws ForbiddenError when the viewer lacks the permission */
export function requirePermission(viewer: Viewer, permission: Permission): void {
  if (!hasPermission(viewer, permission)) {
    throw new ForbiddenError(
      viewer.role === 'ANONYMOUS'
        ? `${permission} needs a signed-in ${PERMISSIONS[permission].join(' or ')}: send "Authorization: Bearer <token>"`
        : `${permission} is not allowed for the ${viewer.role} role`,
    );
  }
}
