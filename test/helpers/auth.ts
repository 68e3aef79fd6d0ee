/** Bearer tokens for the test apps that take signed ones. */
import { signToken, type SignedRole } from '../../src/auth/viewer.ts';

/** The HS256 secret those apps verify tokens with (32 characters at least). */
export const JWT_SECRET = 'a-test-secret-of-at-least-32-characters';

/** Request headers with a token signed with JWT_SECRET for `name` in `role`. */
export async function bearer(
  role: SignedRole,
  name: string,
  states: readonly string[] = [],
): Promise<Record<string, string>> {
  const token = await signToken({ secret: JWT_SECRET, role, states, name });
  return { authorization: `Bearer ${token}` };
}
