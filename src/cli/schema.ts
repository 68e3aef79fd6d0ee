/**
 * `recgraph schema print|check`: the printed GraphQL SDL and the NDJSON line's JSON Schema in
 * schema/, which test/schema.test.ts keeps equal to what the code builds.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { PROJECT_ROOT } from '../core/config.ts';
import { recommendationJsonSchema } from '../features/imports/index.ts';
import { schema } from '../server/schema.ts';

export const SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'schema.graphql');
export const NDJSON_SCHEMA_FILE = path.join(PROJECT_ROOT, 'schema', 'recommendation.schema.json');

/** The SDL as committed in schema/schema.graphql: printed, sorted, with a trailing newline. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}

/** The JSON Schema of one canonical NDJSON line, as committed in schema/recommendation.schema.json. */
export function printedNdjsonSchema(): string {
  return `${JSON.stringify(recommendationJsonSchema(), null, 2)}\n`;
}

/** Writes both printed schemas. */
export function writeSchema(): void {
  fs.writeFileSync(SCHEMA_FILE, printedSchema());
  fs.writeFileSync(NDJSON_SCHEMA_FILE, printedNdjsonSchema());
}

/** The printed schema files that do not match what the code builds (empty when all are current). */
export function staleSchemaFiles(): string[] {
  const current = (file: string, text: string) =>
    fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text;
  return [
    ...(current(SCHEMA_FILE, printedSchema()) ? [] : [SCHEMA_FILE]),
    ...(current(NDJSON_SCHEMA_FILE, printedNdjsonSchema()) ? [] : [NDJSON_SCHEMA_FILE]),
  ];
}

export function registerSchemaCommands(program: Command): void {
  const schemaCommand = program
    .command('schema')
    .description('the printed GraphQL SDL in schema/schema.graphql');
  schemaCommand
    .command('print')
    .description('write schema/schema.graphql')
    .action(() => {
      writeSchema();
      console.log('wrote schema/schema.graphql and schema/recommendation.schema.json');
    });
  schemaCommand
    .command('check')
    .description('fail when schema/schema.graphql is stale')
    .action(() => {
      const stale = staleSchemaFiles();
      if (stale.length) {
        console.error(`${stale.join(', ')} stale: run npm run schema:print`);
        process.exitCode = 1;
      } else console.log('schema/ is current');
    });
}
