/**
 * What a client sees of an error: domain errors keep their message and code, everything else is
 * masked, and each is logged at the level it deserves.
 */
import { GraphQLError } from 'graphql';
import { maskError } from 'graphql-yoga';
import { InputValidationError } from '@pothos/plugin-validation';
import { DatabaseUnavailableError, DomainError, InvalidInputError } from '../core/errors.ts';

/**
 * Domain errors are the client's business: they keep their message and get a `code` extension.
 * Everything else is masked to "Unexpected error." (no stack traces, no Cypher).
 */
export function maskDomainErrors(error: unknown, message: string, isDev?: boolean): Error {
  const original = clientErrorOf(error);
  if (original) {
    return new GraphQLError(original.message, {
      nodes: error instanceof GraphQLError ? error.nodes : undefined,
      path: error instanceof GraphQLError ? error.path : undefined,
      extensions: {
        code: original.code,
        ...('field' in original && original.field ? { field: original.field } : {}),
      },
    });
  }
  return maskError(error, message, isDev);
}

/**
 * The domain error behind a field's failure, if it is one. An argument that fails its `validate`
 * schema (the validation plugin) is bad input like any other: INVALID_INPUT, naming the argument.
 */
function clientErrorOf(error: unknown): DomainError | null {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof DomainError) return original;
  if (original instanceof InputValidationError) {
    const [issue] = original.issues;
    const field = issue?.path
      ?.map((key) => (typeof key === 'object' ? key.key : key))
      .map(String)
      .join('.');
    return new InvalidInputError(
      original.message.replace(/^Validation error: /u, ''),
      field || undefined,
    );
  }
  return null;
}

/**
 * Yoga logs every error it had to mask or reshape at error level, with its stack. A client's bad
 * input is not the server's error: it is logged at debug, and Neo4j being out of reach at warn.
 */
export function logLevelOf(args: readonly unknown[]): 'debug' | 'warn' | 'error' {
  const original = clientErrorOf(args.find((a) => a instanceof Error));
  if (!original) return 'error';
  return original instanceof DatabaseUnavailableError ? 'warn' : 'debug';
}
