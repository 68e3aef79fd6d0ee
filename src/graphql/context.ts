import type { Db } from '../db/run.ts';
import type { Viewer } from '../auth/viewer.ts';
import type { Logger } from '../core/logger.ts';

/** What every resolver receives. Loaders are kept per context by the Pothos dataloader plugin. */
export interface Context {
  readonly db: Db;
  readonly logger: Logger;
  /** Who is asking (anonymous unless a valid bearer token came with the request). */
  readonly viewer: Viewer;
}

/** The slice of the context that repositories need: they only talk to the database. */
export type DbContext = Pick<Context, 'db'>;
