/**
 * The secret JWTs are signed with when no RECGRAPH_JWT_SECRET or JWKS is configured: a random
 * local development secret kept in a file, so that `npm start` and `recgraph token` agree.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AuthConfig } from '../core/config.ts';
import type { AuthOptions } from './viewer.ts';

/** Reads the local development secret, creating it (mode 600) on first use. */
export function localSecret(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    // 'wx': if another process created it meanwhile, read theirs instead.
    fs.writeFileSync(file, `${randomBytes(32).toString('base64url')}\n`, {
      flag: 'wx',
      mode: 0o600,
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return fs.readFileSync(file, 'utf8').trim();
}

/** How requests are authenticated under this configuration. */
export function authOptions(auth: AuthConfig): AuthOptions {
  return {
    adminToken: auth.adminToken,
    jwksUrl: auth.jwksUrl,
    jwtSecret: auth.jwksUrl ? undefined : (auth.jwtSecret ?? localSecret(auth.secretFile)),
  };
}
