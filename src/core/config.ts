import path from 'node:path';
import { z } from 'zod';

/** `RECGRAPH_STATS_MAX_STALENESS_MS` when unset, and the cache's until the server sets it. */
export const DEFAULT_STATS_MAX_STALENESS_MS = 1_000;

/** Where the project's own files live (cypher/, reference/, demo/, tools/). */
export const PROJECT_ROOT = path.resolve(import.meta.dirname, '../..');

const emptyToUndefined = (value: unknown) => (value === '' ? undefined : value);

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NEO4J_URI: z.preprocess(emptyToUndefined, z.url().optional()),
  NEO4J_USER: z.preprocess(emptyToUndefined, z.string().optional()),
  NEO4J_PASSWORD: z.preprocess(emptyToUndefined, z.string().optional()),
  NEO4J_DATABASE: z.preprocess(emptyToUndefined, z.string().default('neo4j')),
  NEO4J_DATA_DIR: z.preprocess(emptyToUndefined, z.string().default('data/neo4j')),
  NEO4J_HEAP: z
    .string()
    .regex(/^\d+[kmg]$/i)
    .default('1g'),
  NEO4J_PAGECACHE: z
    .string()
    .regex(/^\d+[kmg]$/i)
    .default('512m'),
  /** Port for the embedded Neo4j; 0 picks a free one (7687 is often taken by another Neo4j). */
  NEO4J_EMBEDDED_PORT: z.coerce.number().int().min(0).max(65535).default(0),
  /**
   * `off`: run overlap detection and similarity search lexical-only even when the embedding
   * model is installed (src/features/embeddings reads these three where it loads the model).
   */
  RECGRAPH_EMBEDDINGS: z.enum(['auto', 'off']).default('auto'),
  /** Where `npm install` puts the embedding model. */
  RECGRAPH_MODEL_DIR: z.preprocess(emptyToUndefined, z.string().default('.models')),
  /** The machine's vector cache (one file per model). */
  RECGRAPH_EMBEDDING_CACHE: z.preprocess(emptyToUndefined, z.string().default('data/embeddings')),
  /** Load the Slovenia demo dataset when the graph has no recommendations. */
  RECGRAPH_DEMO_DATA: z.enum(['auto', 'off']).default('auto'),
  /** Bearer token that grants the ADMIN role without a JWT (for scripts); unset: none. */
  RECGRAPH_ADMIN_TOKEN: z.preprocess(
    emptyToUndefined,
    z.string().min(16, 'must be at least 16 characters').optional(),
  ),
  /** HS256 secret for JWTs; unset: the local development secret in RECGRAPH_JWT_SECRET_FILE. */
  RECGRAPH_JWT_SECRET: z.preprocess(
    emptyToUndefined,
    z.string().min(32, 'must be at least 32 characters').optional(),
  ),
  /** Verify JWTs against this JWKS (an identity provider's) instead of a shared secret. */
  RECGRAPH_JWKS_URL: z.preprocess(emptyToUndefined, z.url().optional()),
  /**
   * How often (seconds) the server checks whether cached aggregates went stale, to recompute
   * them once the data has stopped changing; 0 turns it off (they are then recomputed on request).
   */
  RECGRAPH_STATS_REFRESH_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  /**
   * How long (ms) after another process changes the data (a CLI import) cached aggregates may
   * still be served; changes made through the server are seen at once. 0 checks the data's
   * versions on every request.
   */
  RECGRAPH_STATS_MAX_STALENESS_MS: z.coerce
    .number()
    .int()
    .min(0)
    .max(60_000)
    .default(DEFAULT_STATS_MAX_STALENESS_MS),
  /** Where the local development secret is kept (created on first use, readable by its owner only). */
  RECGRAPH_JWT_SECRET_FILE: z.preprocess(
    emptyToUndefined,
    z.string().default('data/jwt-dev-secret'),
  ),
});

/** The embedded launcher's settings, used when NEO4J_URI is not set. */
export interface EmbeddedNeo4jConfig {
  readonly dataDir: string;
  readonly heap: string;
  readonly pageCache: string;
  readonly port: number;
}

export interface Neo4jConfig {
  /** Set when an external server is used; undefined means "start or reuse the embedded one". */
  readonly uri: string | undefined;
  readonly user: string | undefined;
  readonly password: string | undefined;
  readonly database: string;
  readonly embedded: EmbeddedNeo4jConfig;
}

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  readonly neo4j: Neo4jConfig;
  readonly demoData: 'auto' | 'off';
  readonly auth: AuthConfig;
  /** Seconds between checks for stale cached aggregates; 0: off. */
  readonly statsRefreshSeconds: number;
  readonly statsMaxStalenessMs: number;
}

export interface AuthConfig {
  /** Bearer token granting ADMIN; undefined when none is configured. */
  readonly adminToken: string | undefined;
  readonly jwtSecret: string | undefined;
  readonly jwksUrl: string | undefined;
  /** Absolute path of the local development secret (used when neither of the above is set). */
  readonly secretFile: string;
}

/**
 * Parses the environment once into a typed, frozen Config.
 * @throws Error listing every invalid variable, so a bad setting stops the process at start.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${issue.path.join('.')}: ${issue.message}`)
      .join('; ');
    throw new Error(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    demoData: e.RECGRAPH_DEMO_DATA,
    statsRefreshSeconds: e.RECGRAPH_STATS_REFRESH_SECONDS,
    statsMaxStalenessMs: e.RECGRAPH_STATS_MAX_STALENESS_MS,
    auth: Object.freeze({
      adminToken: e.RECGRAPH_ADMIN_TOKEN,
      jwtSecret: e.RECGRAPH_JWT_SECRET,
      jwksUrl: e.RECGRAPH_JWKS_URL,
      secretFile: path.resolve(e.RECGRAPH_JWT_SECRET_FILE),
    }),
    neo4j: Object.freeze({
      uri: e.NEO4J_URI,
      user: e.NEO4J_USER,
      password: e.NEO4J_PASSWORD,
      database: e.NEO4J_DATABASE,
      embedded: Object.freeze({
        dataDir: path.resolve(e.NEO4J_DATA_DIR),
        heap: e.NEO4J_HEAP,
        pageCache: e.NEO4J_PAGECACHE,
        port: e.NEO4J_EMBEDDED_PORT,
      }),
    }),
  });
}
