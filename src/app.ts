/**
 * createApp() builds the Yoga instance and never listens: main.ts serves it over HTTP, tests call
 * `yoga.fetch` in-process.
 */
import { useGraphQlJit } from '@envelop/graphql-jit';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { GraphQLError, getOperationAST, getVariableValues, type ExecutionArgs } from 'graphql';
import { createGraphQLError, createYoga, maskError, type YogaServerInstance } from 'graphql-yoga';
import {
  ANONYMOUS,
  createAuthenticator,
  type Authenticate,
  type AuthOptions,
  type Viewer,
} from './auth/viewer.ts';
import type { Context } from './context.ts';
import { Db, type QueryListener } from './db/run.ts';
import type { Driver } from 'neo4j-driver';
import { InputValidationError } from '@pothos/plugin-validation';
import {
  DatabaseUnavailableError,
  DomainError,
  InvalidInputError,
  UnauthenticatedError,
} from './errors.ts';
import { schema } from './graphql/schema.ts';
import { useServedResponses } from './graphql/served-responses.ts';
import type { Logger } from './logger.ts';

export interface AppOptions {
  readonly driver: Driver;
  /** The Neo4j database name (always explicit). */
  readonly database: string;
  readonly logger: Logger;
  /** Called for every Cypher statement a request runs (instrumentation, tests). */
  readonly onQuery?: QueryListener;
  /** How bearer tokens are verified; without it every caller is anonymous. */
  readonly auth?: AuthOptions;
  /** Run queries compiled by graphql-jit (default), or interpreted by graphql-js (a baseline). */
  readonly compiled?: boolean;
  /**
   * Send a dashboard query's previous answer again while the data is unchanged (default), or
   * execute every request (a baseline): graphql/served-responses.ts.
   */
  readonly keepAnswers?: boolean;
}

/** Deepest query accepted (GraphQL Armor's max-depth). */
export const MAX_DEPTH = 10;

export type App = YogaServerInstance<Record<string, never>, Context>;

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
function logLevelOf(args: readonly unknown[]): 'debug' | 'warn' | 'error' {
  const original = clientErrorOf(args.find((a) => a instanceof Error));
  if (!original) return 'error';
  return original instanceof DatabaseUnavailableError ? 'warn' : 'debug';
}

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

export function createApp({
  driver,
  database,
  logger,
  onQuery,
  auth,
  compiled = true,
  keepAnswers = true,
}: AppOptions): App {
  const authenticate: Authenticate = auth
    ? createAuthenticator(auth)
    : () => Promise.resolve(ANONYMOUS);
  const baseDb = new Db(driver, database, logger);
  const db = onQuery ? baseDb.withListener(onQuery) : baseDb;

  return createYoga<Record<string, never>, Context>({
    schema,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    graphiql: { title: 'recgraph', defaultQuery: DEFAULT_QUERY },
    landingPage: false,
    maskedErrors: { maskError: maskDomainErrors, isDev: false },
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      error: (...args) =>
        logger[logLevelOf(args)](
          { err: args.find((a) => a instanceof Error) },
          args.map(String).join(' '),
        ),
    },
    context: async ({ request }): Promise<Context> => ({
      db,
      logger,
      viewer: await viewerOf(authenticate, request.headers.get('authorization')),
    }),
    plugins: [
      // Aliases, cost, tokens, directives and field-suggestion blocking at Armor's defaults. Depth is
      // 10, not 6: every Relay connection spends two levels on edges/node, so the default would
      // already reject recommendations > edges > node > state > region > name.
      EnvelopArmorPlugin({ maxDepth: { n: MAX_DEPTH } }),
      // Before graphql-jit: an answer sent again needs no executor.
      ...(keepAnswers ? [useServedResponses()] : []),
      // Queries run compiled (graphql-jit, once per distinct document) instead of interpreted by
      // graphql-js: a large list of objects completes about twice as fast (docs/analytics.md,
      // "Speed"). Parsing, validation and the schema stay graphql-js's, and so does executing a
      // request whose operation or variables are wrong (`compilable`).
      ...(compiled
        ? [
            useGraphQlJit(
              {},
              {
                enableIf: compilable,
                onError: (result) =>
                  logger.warn({ errors: result.errors }, 'graphql-jit could not compile a query'),
              },
            ),
          ]
        : []),
      {
        // Readiness sits beside the GraphQL endpoint; liveness is Yoga's own /health (200 while the
        // process is up).
        async onRequest(request) {
          const { url, fetchAPI } = request;
          const { Response } = fetchAPI;
          const endResponse = (response: Response) => request.endResponse(response);
          const json = (body: unknown, status = 200) =>
            new Response(JSON.stringify(body), {
              status,
              headers: { 'content-type': 'application/json' },
            });
          if (url.pathname === '/ready') {
            try {
              await driver.verifyConnectivity({ database });
              endResponse(json({ status: 'ready', database }));
            } catch (error) {
              logger.warn({ err: error }, 'readiness check failed: Neo4j is not reachable');
              endResponse(json({ status: 'unavailable' }, 503));
            }
          } else if (url.pathname === '/') {
            endResponse(new Response(null, { status: 302, headers: { location: '/graphql' } }));
          }
        },
      },
    ],
  });
}

/** A bad credential fails the whole request with 401 before any field runs. */
async function viewerOf(authenticate: Authenticate, header: string | null): Promise<Viewer> {
  try {
    return await authenticate(header);
  } catch (error) {
    if (!(error instanceof UnauthenticatedError)) throw error;
    throw createGraphQLError(error.message, {
      extensions: {
        code: error.code,
        http: { status: 401, headers: { 'www-authenticate': 'Bearer' } },
      },
    });
  }
}

const DEFAULT_QUERY = `# recgraph: human-rights recommendations, the states they address, and their follow-up.
{
  recommendations(filter: { states: ["SVN"], themes: ["discrimination-against-women"] }, first: 5) {
    totalCount
    edges {
      node {
        stableId
        text
        response
        mechanism { code }
        recommendingStates { iso3 name }
      }
    }
  }
}
`;
