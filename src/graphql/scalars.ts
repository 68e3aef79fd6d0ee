/**
 * The scalars recgraph adds to GraphQL's own.
 */
import { Kind } from 'graphql';
import { builder } from './builder.ts';

/** A Date scalar's value, from a variable or a literal. @throws TypeError when not YYYY-MM-DD */
function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new TypeError('Date must be a YYYY-MM-DD string');
  }
  return value;
}

builder.scalarType('Date', {
  description: 'A calendar date, ISO 8601 (YYYY-MM-DD).',
  serialize: (value) => value,
  parseValue: parseDate,
  // Its own, of one argument: graphql-js's default takes the variables too, which graphql-jit
  // does not pass (it warns on the console for each such literal). A date is one string.
  parseLiteral: (node) => parseDate(node.kind === Kind.STRING ? node.value : undefined),
});
