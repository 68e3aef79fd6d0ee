import fs from 'node:fs';
import path from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { PROJECT_ROOT } from '../config.ts';
import { schema } from '../graphql/schema.ts';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');

/** The SDL as committed in schema/schema.graphql: printed, sorted, with a trailing newline. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

export function writeSchema(): void {
  fs.writeFileSync(SCHEMA_FILE, printedSchema());
}

/** True when schema/schema.graphql matches the schema the code builds. */
export function schemaIsCurrent(): boolean {
  return fs.existsSync(SCHEMA_FILE) && fs.readFileSync(SCHEMA_FILE, 'utf8') === printedSchema();
}
