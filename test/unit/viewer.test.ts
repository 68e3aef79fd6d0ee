import { describe, expect, it } from 'vitest';
import { ANONYMOUS, requirePermission, viewerFromAuthorization } from '../../src/auth/viewer.ts';
import { loadConfig } from '../../src/config.ts';
import { ForbiddenError, UnauthenticatedError } from '../../src/errors.ts';

const TOKEN = 'a-long-enough-admin-token';

describe('viewerFromAuthorization', () => {
  it('is anonymous without a header, admin with the configured token', () => {
    expect(viewerFromAuthorization(null, TOKEN)).toBe(ANONYMOUS);
    expect(viewerFromAuthorization(`Bearer ${TOKEN}`, TOKEN)).toEqual({
      role: 'ADMIN',
      name: 'admin',
    });
    expect(viewerFromAuthorization(`bearer   ${TOKEN} `, TOKEN).role).toBe('ADMIN');
  });

  it('refuses a wrong token, a malformed header, and any token when none is configured', () => {
    expect(() => viewerFromAuthorization(`Bearer ${TOKEN}x`, TOKEN)).toThrow(UnauthenticatedError);
    expect(() => viewerFromAuthorization(TOKEN, TOKEN)).toThrow(/Bearer <token>/);
    expect(() => viewerFromAuthorization(`Bearer ${TOKEN}`, undefined)).toThrow(
      UnauthenticatedError,
    );
  });
});

describe('requirePermission', () => {
  it('lets the admin review overlaps and tells anonymous callers how to sign in', () => {
    expect(() =>
      requirePermission(viewerFromAuthorization(`Bearer ${TOKEN}`, TOKEN), 'reviewOverlaps'),
    ).not.toThrow();
    expect(() => requirePermission(ANONYMOUS, 'reviewOverlaps')).toThrow(ForbiddenError);
  });
});

describe('RECGRAPH_ADMIN_TOKEN', () => {
  it('is optional, and refused when too short to be a secret', () => {
    expect(loadConfig({}).adminToken).toBeUndefined();
    expect(loadConfig({ RECGRAPH_ADMIN_TOKEN: TOKEN }).adminToken).toBe(TOKEN);
    expect(() => loadConfig({ RECGRAPH_ADMIN_TOKEN: 'short' })).toThrow(/RECGRAPH_ADMIN_TOKEN/);
  });
});
