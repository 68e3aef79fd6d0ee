/**
 * The one gateway to the driver: every repository runs Cypher through a Db. Writes go through
 * `driver.executeQuery` (a managed transaction, retried by the driver); reads run as auto-commit
 * statements, retried here on the same errors (see `readWithRetries`). Both name the database
 * and route READ/WRITE explicitly (a cluster or Aura serves reads from followers) and share the
 * driver's bookmarks, so a read sees the writes before it. Records become plain objects with
 * integers converted deliberately, Cypher and parameters are logged at debug level, and
 * Neo4jError is mapped to domain errors in one place.
 */
import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  isInt,
  isDate,
  isDateTime,
  isLocalDateTime,
  isNode,
  isRelationship,
  isRetryableError,
} from 'neo4j-driver';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  DatabaseUnavailableError,
  DomainError,
  DuplicateConflictError,
  InvalidInputError,
} from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

/** One executed statement, for instrumentation (e.g. counting queries per request in tests). */
export interface QueryEvent {
  readonly cypher: string;
  readonly params: Params;
  readonly mode: 'READ' | 'WRITE';
  readonly ms: number;
  readonly rows: number;
}
export type QueryListener = (event: QueryEvent) => void;

/** A transaction handed to `Db.transaction`: statements run in order, committed together. */
export interface Tx {
  run<T extends Row = Row>(cypher: string, params?: Params): Promise<T[]>;
}

/**
 * Converts a value from the driver into plain JSON-friendly data: Integer -> number (throws
 * beyond 2^53 rather than silently losing precision), temporal values -> ISO strings, nodes and
 * relationships -> their properties.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (isInt(value)) {
    if (!neo4j.integer.inSafeRange(value)) {
      throw new RangeError(`integer ${value.toString()} does not fit a JavaScript number`);
    }
    return value.toNumber();
  }
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return value.toString();
  if (isNode(value) || isRelationship(value)) return toPlain(value.properties);
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const out: Row = {};
    for (const [key, inner] of Object.entries(value)) out[key] = toPlain(inner);
    return out;
  }
  return value;
}

/** The single place where Neo4j's errors become domain errors; others pass through (and are masked). */
export function toDomainError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  if (!(error instanceof Neo4jError)) return error;
  const code = error.code;
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new DuplicateConflictError(error.message);
  }
  if (
    code === 'ServiceUnavailable' ||
    code === 'SessionExpired' ||
    code === 'Neo.TransientError.General.DatabaseUnavailable' ||
    code === 'Neo.ClientError.Database.DatabaseNotFound'
  ) {
    return new DatabaseUnavailableError();
  }
  // A full-text query the Lucene parser rejects ("women AND (") is the caller's input, not a bug.
  if (
    code === 'Neo.ClientError.Procedure.ProcedureCallFailed' &&
    /ParseException|Cannot parse/i.test(error.message)
  ) {
    return new InvalidInputError(
      'the text search could not be parsed; check quotes and parentheses',
      'text',
    );
  }
  return error;
}

const rowsOf = (records: { toObject(): Row }[]) =>
  records.map((record) => toPlain(record.toObject()) as Row);

/**
 * How long a read is retried on transient errors, and the first pause: the driver's defaults for
 * managed transactions (30 s; 1 s, doubling, ±20%).
 */
const READ_RETRY_MS = 30_000;
const READ_RETRY_FIRST_DELAY_MS = 1_000;

/** One object per driver and database name: what a Db's `identity` returns. */
const IDENTITIES = new WeakMap<Driver, Map<string, object>>();

/** Write transactions finished through the Dbs of each identity, in this process. */
const WRITES = new WeakMap<object, { count: number }>();

export class Db {
  constructor(
    private readonly driver: Driver,
    /** Always explicit, so the driver never has to ask the server for the home database. */
    readonly database: string,
    private readonly logger: Logger,
    private readonly listeners: readonly QueryListener[] = [],
  ) {}

  /**
   * Stands for the data this Db reads: the same object for every Db over the same driver and
   * database, so that what is cached about the data is kept apart per database.
   */
  get identity(): object {
    let byName = IDENTITIES.get(this.driver);
    if (!byName) IDENTITIES.set(this.driver, (byName = new Map<string, object>()));
    let identity = byName.get(this.database);
    if (!identity)
      byName.set(this.database, (identity = Object.freeze({ database: this.database })));
    return identity;
  }

  /**
   * How many write transactions this process has finished (committed, failed or of unknown
   * outcome) through any Db over the same driver and database. What is cached about the data
   * can tell by it whether a change made here finished after the cache read the data.
   */
  get localWrites(): number {
    return WRITES.get(this.identity)?.count ?? 0;
  }

  private writeFinished(): void {
    const identity = this.identity;
    const writes = WRITES.get(identity);
    if (writes) writes.count++;
    else WRITES.set(identity, { count: 1 });
  }

  /** A Db over the same driver that also reports each statement to `listener`. */
  withListener(listener: QueryListener): Db {
    return new Db(this.driver, this.database, this.logger, [...this.listeners, listener]);
  }

  /**
   * Runs a read-only statement (routed to a reader in a cluster) as one auto-commit statement,
   * retried on the errors the driver retries in transactions.
   */
  read<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.execute<T>('READ', cypher, params);
  }

  /** Runs a statement that writes, in its own transaction. */
  write<T extends Row = Row>(cypher: string, params: Params = {}): Promise<T[]> {
    return this.execute<T>('WRITE', cypher, params);
  }

  /** Runs several statements in one write transaction (retried on transient errors by the driver). */
  async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.WRITE,
    });
    try {
      return await session.executeWrite((managed: ManagedTransaction) =>
        work({
          run: async <R extends Row>(cypher: string, params: Params = {}) => {
            const started = performance.now();
            const result = await managed.run(cypher, params);
            const rows = rowsOf(result.records) as R[];
            this.report('WRITE', cypher, params, started, rows.length);
            return rows;
          },
        }),
      );
    } catch (error) {
      throw toDomainError(error);
    } finally {
      this.writeFinished();
      await session.close();
    }
  }

  private async execute<T extends Row>(
    mode: 'READ' | 'WRITE',
    cypher: string,
    params: Params,
  ): Promise<T[]> {
    const started = performance.now();
    try {
      const records =
        mode === 'READ'
          ? await this.readWithRetries(cypher, params)
          : (
              await this.driver.executeQuery(cypher, params, {
                database: this.database,
                routing: neo4j.routing.WRITE,
              })
            ).records;
      const rows = rowsOf(records) as T[];
      this.report(mode, cypher, params, started, rows.length);
      return rows;
    } catch (error) {
      this.logger.debug({ cypher, params, err: error }, 'cypher failed');
      throw toDomainError(error);
    } finally {
      if (mode === 'WRITE') this.writeFinished();
    }
  }

  /**
   * A read as one auto-commit statement: one round trip where a transaction takes two (BEGIN with
   * the statement, then COMMIT), which costs the client less CPU and time per read (measured in
   * docs/benchmarks.md). A read is safe to run again, so what the driver would retry in a
   * transaction is retried here, for as long.
   */
  private async readWithRetries(cypher: string, params: Params) {
    const started = performance.now();
    for (let delay = READ_RETRY_FIRST_DELAY_MS; ; delay *= 2) {
      try {
        return await this.readOnce(cypher, params);
      } catch (error) {
        const jittered = delay * (0.8 + 0.4 * Math.random());
        if (!isRetryableError(error) || performance.now() - started + jittered > READ_RETRY_MS) {
          throw error;
        }
        this.logger.warn({ err: error, retryInMs: Math.round(jittered) }, 'read failed; retrying');
        await sleep(jittered);
      }
    }
  }

  private async readOnce(cypher: string, params: Params) {
    const session = this.driver.session({
      database: this.database,
      defaultAccessMode: neo4j.session.READ,
      bookmarkManager: this.driver.executeQueryBookmarkManager,
    });
    try {
      return (await session.run(cypher, params)).records;
    } finally {
      await session.close();
    }
  }

  private report(
    mode: 'READ' | 'WRITE',
    cypher: string,
    params: Params,
    started: number,
    rows: number,
  ): void {
    const ms = Math.round((performance.now() - started) * 10) / 10;
    this.logger.debug({ mode, cypher, params, ms, rows }, 'cypher');
    for (const listener of this.listeners) listener({ cypher, params, mode, ms, rows });
  }
}
