/** The migrations written in code, run in version order with those in cypher/migrations. */
import type { CodeMigration } from '../db/migrate.ts';
import { textKeyMigration } from '../features/imports/index.ts';
import {
  referenceDataMigration,
  referenceDataReloadMigration,
} from '../features/reference/index.ts';
import { languageMigration } from '../features/recommendations/index.ts';
import { themeArticlesMigration } from '../features/jurisprudence/index.ts';

export const CODE_MIGRATIONS: readonly CodeMigration[] = [
  referenceDataMigration,
  textKeyMigration,
  languageMigration,
  referenceDataReloadMigration,
  themeArticlesMigration,
];
