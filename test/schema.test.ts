import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { printedSchema, SCHEMA_FILE } from '../src/cli/print-schema.ts';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds (run npm run schema:print after changing it)', () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(
      committed === printedSchema(),
      'schema/schema.graphql is stale: run npm run schema:print',
    ).toBe(true);
  });
});
