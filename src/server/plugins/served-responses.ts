/**
 * Whole answers to the dashboards' aggregate queries, kept as the JSON sent, for as long as the
 * data they were computed from is unchanged (docs/analytics.md; figures in docs/benchmarks.md).
 *
 * The aggregates behind `recommendationStats`, `coverageMatrix` and `followUpProgress` are cached
 * already (features/analytics-store/aggregate-cache.ts), but a large answer still costs GraphQL
 * and JSON its size on every request (the coverage matrix as objects is megabytes). A query
 * asking only for those fields is answered as a function of its text, its variables, the viewer
 * and the data versions, so the bytes of the previous answer to the same request can be sent
 * again. Each answer is kept under the versions read before executing it, and only if the
 * versions known after it are the same: the aggregate cache files a computed result on the same
 * condition, so a kept answer is always what executing the request again would give.
 */
import {
  Kind,
  OperationTypeNode,
  getOperationAST,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Context } from '../../graphql/context.ts';
import {
  DATA_PARTS,
  requestVersions,
  type DataVersions,
} from '../../features/analytics-store/index.ts';

/** Root fields answered from cached aggregates alone, given their arguments and the viewer. */
export const SERVED_FIELDS: ReadonlySet<string> = new Set([
  'recommendationStats',
  'coverageMatrix',
  'followUpProgress',
]);

/** At most this many bytes of answers are kept; the least recently sent go first. */
const MAX_BYTES = 32 * 1024 * 1024;

interface Kept {
  readonly data: ExecutionResult['data'];
  readonly body: string;
}

const versionsKey = (versions: DataVersions) => DATA_PARTS.map((p) => versions[p]).join('.');

/** Only a query whose root selects nothing but `SERVED_FIELDS` (and `__typename`). */
function isServed(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  if (operation?.operation !== OperationTypeNode.QUERY) return false;
  return operation.selectionSet.selections.every(
    (s) =>
      s.kind === Kind.FIELD && (s.name.value === '__typename' || SERVED_FIELDS.has(s.name.value)),
  );
}

/**
 * A result that Yoga serialises with `stringify` when it has one (as graphql-jit's do): the kept
 * bytes, unless a plugin has since added errors or extensions to it.
 */
function resultOf(kept: Kept): ExecutionResult {
  const result: ExecutionResult & { stringify?: (value: unknown) => string } = { data: kept.data };
  result.stringify = (value) =>
    value === result && !result.errors && !result.extensions ? kept.body : JSON.stringify(value);
  return result;
}

export function useServedResponses(): Plugin<Context> {
  // Per parsed document (Yoga parses each distinct text once) and operation name.
  const documents = new WeakMap<DocumentNode, Map<string, number | null>>();
  let documentCount = 0;
  const documentId = (document: DocumentNode, operationName: string | null | undefined) => {
    let ids = documents.get(document);
    if (!ids) documents.set(document, (ids = new Map<string, number | null>()));
    const name = operationName ?? '';
    let id = ids.get(name);
    if (id === undefined) {
      id = isServed(document, operationName) ? documentCount++ : null;
      ids.set(name, id);
    }
    return id;
  };

  // Answers made under one set of versions; a change to the data drops them all.
  let keptUnder = '';
  const kept = new Map<string, Kept>();
  let bytes = 0;
  const keep = (key: string, under: string, answer: Kept) => {
    if (under !== keptUnder) {
      kept.clear();
      bytes = 0;
      keptUnder = under;
    }
    const previous = kept.get(key);
    if (previous) bytes -= previous.body.length;
    kept.delete(key);
    kept.set(key, answer);
    bytes += answer.body.length;
    for (const [oldest, { body }] of kept) {
      if (bytes <= MAX_BYTES) break;
      kept.delete(oldest);
      bytes -= body.length;
    }
  };

  return {
    async onExecute({ args, setResultAndStopExecution }) {
      const { document, operationName, variableValues, contextValue } = args as ExecutionArgs;
      const id = documentId(document, operationName);
      if (id === null) return;
      const ctx = contextValue as Context;
      let under: string;
      try {
        under = versionsKey(await requestVersions(ctx));
      } catch {
        return; // executed as usual, so the resolvers report the error as they do
      }
      const key = JSON.stringify([id, variableValues ?? null, ctx.viewer]);
      const answer = under === keptUnder ? kept.get(key) : undefined;
      if (answer) {
        kept.delete(key); // the most recently sent last
        kept.set(key, answer);
        setResultAndStopExecution(resultOf(answer));
        return;
      }
      return {
        async onExecuteDone({ result, setResult }) {
          if (Symbol.asyncIterator in result || result.errors?.length || result.extensions) return;
          // Versions moved while executing: what it read may be newer than `under`.
          const after = await requestVersions(ctx).then(versionsKey, () => null);
          if (after !== under) return;
          const answer = { data: result.data, body: JSON.stringify(result) };
          keep(key, under, answer);
          setResult(resultOf(answer));
        },
      };
    },
  };
}
