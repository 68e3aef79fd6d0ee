/**
 * createApp() builds the Yoga instance and never listens: main.ts serves it over HTTP, tests call
 * `yoga.fetch` in-process.
 */
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createGraphQLError, createYoga, type YogaServerInstance } from 'graphql-yoga';
import type { Driver } from 'neo4j-driver';
import {
  ANONYMOUS,
  createAuthenticator,
  type Authenticate,
  type AuthOptions,
  type Viewer,
} from '../auth/viewer.ts';
import { UnauthenticatedError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { Db, type QueryListener } from '../db/run.ts';
import type { Context } from '../graphql/context.ts';
import { logLevelOf, maskDomainErrors } from './error-masking.ts';
import { useCompiledExecution } from './plugins/compiled-execution.ts';
import { useReadiness } from './plugins/readiness.ts';
import { useServedResponses } from './plugins/served-responses.ts';
import { schema } from './schema.ts';

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
   * execute every request (a baseline): server/plugins/served-responses.ts.
   */
  readonly keepAnswers?: boolean;
}

/** Deepest query accepted (GraphQL Armor's max-depth). */
export const MAX_DEPTH = 10;

export type App = YogaServerInstance<Record<string, never>, Context>;

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
      ...(compiled ? [useCompiledExecution(logger)] : []),
      useReadiness({ driver, database, logger }),
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
