import type { Db } from './db/run.ts';
import type { Logger } from './logger.ts';

/** What every resolver receives. Loaders are kept per context by the Pothos dataloader plugin. */
export interface Context {
  readonly db: Db;
  readonly logger: Logger;
}

/** The slice of the context that repositories need: they only talk to the database. */
export type DbContext = Pick<Context, 'db'>;
