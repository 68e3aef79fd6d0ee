/**
 * Writes an import's batches, up to `writers` at once, each in its own transaction, while the
 * caller parses the next. With one, Neo4j sits partly idle between a batch's statements and
 * during its commit; two keep it busier (docs/benchmarks.md).
 *
 * Only while batches turn out all new: a batch that joins or updates recommendations the graph
 * has locks their states (to refresh their clusters' signals), and two such batches mostly
 * wait on each other (UPR files, docs/benchmarks.md), so after one the next is written alone,
 * until a batch is all new again.
 *
 * Batches that concern the same rows never run at once: a batch sharing a recommendation id, a
 * source row or a wording (the key rows join by) with one being written waits until that one has
 * committed, so such rows are written in file order, as by a single writer. Batches that share
 * none meet only on shared nodes (states, reviews, documents, themes), which MERGE under
 * uniqueness constraints keeps single; a deadlock between two is retried by the driver.
 */
import type { DbContext } from '../../graphql/context.ts';
import {
  sourceKeyOf,
  writeBatch,
  type BatchResult,
  type HashedRecord,
} from './import.repository.ts';
import type { MechanismHint } from './recommendation-record.ts';

interface Write {
  readonly done: Promise<void>;
  readonly keys: ReadonlySet<string>;
}

/** What rows of two batches must agree on to be written in file order. */
function keysOf(records: readonly HashedRecord[]): Set<string> {
  const keys = new Set<string>();
  for (const r of records) {
    keys.add(`id\u0000${r.id}`);
    keys.add(`text\u0000${r.textKey}`);
    for (const source of [r.source, ...r.otherSources])
      keys.add(`source\u0000${sourceKeyOf(source)}`);
  }
  return keys;
}

export class BatchWriters {
  private readonly writing = new Set<Write>();
  private failed: { error: unknown } | undefined;
  /**
   * A first import is new row after row: while batches are, the next is created without asking
   * the graph first which of its rows exist (writeBatch).
   */
  private assumeNew = true;

  constructor(
    private readonly ctx: DbContext,
    private readonly writers: number,
    private readonly onWritten: (result: BatchResult) => void,
  ) {}

  /**
   * Starts writing a batch once a writer is free and no batch being written shares its rows.
   * Throws the error of an earlier batch that failed (after every other write has ended).
   */
  async write(records: readonly HashedRecord[], mechanisms: ReadonlyMap<string, MechanismHint>) {
    const keys = keysOf(records);
    const shares = (w: Write) => {
      for (const key of keys) if (w.keys.has(key)) return true;
      return false;
    };
    for (;;) {
      if (this.failed) await this.finish();
      const blocking = [...this.writing].filter(shares);
      const writers = this.assumeNew ? this.writers : 1;
      if (blocking.length === 0 && this.writing.size < writers) break;
      await Promise.race((blocking.length ? blocking : [...this.writing]).map((w) => w.done));
    }
    const write: Write = {
      keys,
      done: writeBatch(this.ctx, records, mechanisms, { assumeNew: this.assumeNew })
        .then((result) => {
          this.assumeNew = result.allNew;
          this.onWritten(result);
        })
        .catch((error: unknown) => {
          this.failed ??= { error };
        })
        .finally(() => this.writing.delete(write)),
    };
    this.writing.add(write);
  }

  /** Waits for every batch started; throws the first failure. */
  async finish(): Promise<void> {
    await this.settle();
    if (this.failed) throw this.failed.error;
  }

  /** Waits for every batch started, failed or not (when the import stops for another reason). */
  async settle(): Promise<void> {
    await Promise.all([...this.writing].map((w) => w.done));
  }
}
