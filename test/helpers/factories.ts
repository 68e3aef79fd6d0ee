import { randomUUID } from 'node:crypto';

/** A key no other test (or the demo data) uses, so each test creates and removes only its own data. */
export const uniqueId = (prefix: string) => `${prefix}${randomUUID().slice(0, 8)}`;
