/**
 * Queries run compiled by graphql-jit (once per distinct document) instead of interpreted by
 * graphql-js: a large list of objects completes faster (docs/benchmarks.md). Parsing,
 * validation and the schema stay graphql-js's, and so does executing a request whose operation or
 * variables are wrong (`compilable`).
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import { getOperationAST, getVariableValues, type ExecutionArgs } from 'graphql';
import type { Logger } from '../../core/logger.ts';

/**
 * Whether a request may run compiled: its operation exists and its variables coerce. Otherwise
 * graphql-js executes it and reports the problem as a request error (HTTP 400, with locations),
 * which graphql-jit would answer with 200 and no locations.
 */
function compilable({ schema, document, operationName, variableValues }: ExecutionArgs): boolean {
  const operation = getOperationAST(document, operationName);
  if (!operation) return false;
  const coerced = getVariableValues(
    schema,
    operation.variableDefinitions ?? [],
    variableValues ?? {},
    { maxErrors: 1 },
  );
  return coerced.errors === undefined;
}

/** graphql-jit for every request it can run; failures to compile are logged and run interpreted. */
export function useCompiledExecution(logger: Logger): ReturnType<typeof useGraphQlJit> {
  return useGraphQlJit(
    {},
    {
      enableIf: compilable,
      onError: (result) =>
        logger.warn({ errors: result.errors }, 'graphql-jit could not compile a query'),
    },
  );
}
