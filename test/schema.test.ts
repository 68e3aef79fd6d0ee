import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  NDJSON_SCHEMA_FILE,
  printedNdjsonSchema,
  printedSchema,
  SCHEMA_FILE,
} from '../src/cli/schema.ts';

describe('printed schemas in schema/', () => {
  it('schema.graphql matches the schema the code builds (run npm run schema:print after changing it)', () => {
    const committed = fs.readFileSync(SCHEMA_FILE, 'utf8');
    expect(
      committed === printedSchema(),
      'schema/schema.graphql is stale: run npm run schema:print',
    ).toBe(true);
  });

  it('recommendation.schema.json matches the NDJSON line schema (run npm run schema:print after changing it)', () => {
    const committed = fs.readFileSync(NDJSON_SCHEMA_FILE, 'utf8');
    expect(
      committed === printedNdjsonSchema(),
      'schema/recommendation.schema.json is stale: run npm run schema:print',
    ).toBe(true);
  });
});
