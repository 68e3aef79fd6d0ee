import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { localSecret } from '../../../src/auth/secret.ts';
import {
  ANONYMOUS,
  createAuthenticator,
  requirePermission,
  signToken,
} from '../../../src/auth/viewer.ts';
import { loadConfig } from '../../../src/core/config.ts';
import { ForbiddenError, UnauthenticatedError } from '../../../src/core/errors.ts';

const ADMIN_TOKEN = 'a-long-enough-admin-token';
const SECRET = 'a-test-secret-of-at-least-32-characters';
const authenticate = createAuthenticator({ adminToken: ADMIN_TOKEN, jwtSecret: SECRET });

describe('authentication', () => {
  it('is anonymous without a header, admin with the configured admin token', async () => {
    expect(await authenticate(null)).toBe(ANONYMOUS);
    expect((await authenticate(`bearer   ${ADMIN_TOKEN} `)).role).toBe('ADMIN');
  });

  it('reads the role, the states and the name from a signed token', async () => {
    const token = await signToken({
      secret: SECRET,
      role: 'COMMITTEE',
      states: ['SVN'],
      name: 'svn-committee',
    });
    expect(await authenticate(`Bearer ${token}`)).toEqual({
      role: 'COMMITTEE',
      name: 'svn-committee',
      states: ['SVN'],
    });
  });

  it('refuses wrong, expired, foreign and malformed tokens', async () => {
    const wrongSecret = await signToken({ secret: `${SECRET}x`, role: 'ADMIN', name: 'x' });
    const expired = await signToken({ secret: SECRET, role: 'ADMIN', name: 'x', expiresIn: '-1m' });
    const key = new TextEncoder().encode(SECRET);
    const noRole = await new SignJWT({ states: [] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('recgraph')
      .setAudience('recgraph')
      .sign(key);
    const otherAudience = await new SignJWT({ role: 'ADMIN' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('x')
      .setIssuer('recgraph')
      .setAudience('someone-else')
      .sign(key);
    for (const token of [wrongSecret, expired, noRole, otherAudience, 'not.a.jwt', 'opaque']) {
      await expect(authenticate(`Bearer ${token}`), token).rejects.toThrow(UnauthenticatedError);
    }
    await expect(authenticate(ADMIN_TOKEN)).rejects.toThrow(/Bearer <token>/);
    // No secret and no admin token configured: any token is refused.
    await expect(createAuthenticator({})(`Bearer ${ADMIN_TOKEN}`)).rejects.toThrow(
      UnauthenticatedError,
    );
  });
});

describe('requirePermission', () => {
  it('lets reviewers and the admin review overlaps, and no one else', () => {
    const as = (role: 'ANALYST' | 'COMMITTEE' | 'REVIEWER' | 'ADMIN') => ({
      role,
      name: 'x',
      states: [],
    });
    expect(() => requirePermission(as('REVIEWER'), 'reviewOverlaps')).not.toThrow();
    expect(() => requirePermission(as('ADMIN'), 'reviewOverlaps')).not.toThrow();
    expect(() => requirePermission(as('COMMITTEE'), 'reviewOverlaps')).toThrow(ForbiddenError);
    expect(() => requirePermission(as('ANALYST'), 'reviewOverlaps')).toThrow(ForbiddenError);
    expect(() => requirePermission(ANONYMOUS, 'reviewOverlaps')).toThrow(/Bearer/);
  });
});

describe('configuration', () => {
  it('takes optional tokens and secrets, refusing ones too short to be secret', () => {
    expect(loadConfig({}).auth.adminToken).toBeUndefined();
    expect(loadConfig({ RECGRAPH_ADMIN_TOKEN: ADMIN_TOKEN }).auth.adminToken).toBe(ADMIN_TOKEN);
    expect(() => loadConfig({ RECGRAPH_ADMIN_TOKEN: 'short' })).toThrow(/RECGRAPH_ADMIN_TOKEN/);
    expect(() => loadConfig({ RECGRAPH_JWT_SECRET: 'short' })).toThrow(/RECGRAPH_JWT_SECRET/);
  });

  it('creates the local development secret once, readable by its owner only', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-secret-'));
    try {
      const file = path.join(dir, 'a', 's');
      const first = localSecret(file);
      expect(first.length).toBeGreaterThanOrEqual(32);
      expect(localSecret(file)).toBe(first);
      expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
