/**
 * The theme-to-article crosswalk (reference/theme-articles.csv, reference/theme-articles.md):
 * for a theme of a recommendation vocabulary, the treaty articles that guarantee that right. It
 * relates recommendations to the decisions on those articles against the same state
 * (docs/jurisprudence.md, "Related jurisprudence"). Loaded into `ThemeArticles` nodes by a
 * migration whose checksum covers the file.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { PROJECT_ROOT } from '../../core/config.ts';
import { sha256, type CodeMigration } from '../../db/migrate.ts';
import { cypher } from '../../db/cypher.ts';
import { clusterStates, refreshClusterSignals } from '../analytics-store/index.ts';
import { parseArticleCode } from './article-codes.ts';

export const THEME_ARTICLES_FILE = path.join(PROJECT_ROOT, 'reference', 'theme-articles.csv');

export interface ThemeArticles {
  readonly scheme: string;
  readonly code: string;
  readonly label: string;
  /** Article codes as the file gives them (CCPR-7, CCPR-2-3). */
  readonly articles: readonly string[];
  /** The articles at article level (CCPR-2-3 → CCPR-2), the level decisions are matched at. */
  readonly articleKeys: readonly string[];
  readonly basis: string;
}

/**
 * Reads the crosswalk.
 * @throws Error naming the line of a row whose article code does not parse
 */
export function readThemeArticles(file = THEME_ARTICLES_FILE): ThemeArticles[] {
  const rows = parse<Record<string, string>>(fs.readFileSync(file), {
    columns: true,
    skip_empty_lines: true,
  });
  return rows.map((row, index) => {
    const articles = (row['articles'] ?? '')
      .split(';')
      .map((a) => a.trim())
      .filter(Boolean);
    const keys = articles.map((written) => {
      const parsed = parseArticleCode(written);
      if (!parsed.ok) throw new Error(`${file}:${index + 2}: ${parsed.reason}`);
      return `${parsed.article.instrument}-${parsed.article.article}`;
    });
    return {
      scheme: row['scheme'] ?? '',
      code: row['code'] ?? '',
      label: row['label'] ?? '',
      articles,
      articleKeys: [...new Set(keys)],
      basis: row['basis'] ?? '',
    };
  });
}

/**
 * V0019: loads the crosswalk. Its checksum covers the file: changing the file needs a new
 * migration version (pin this one's checksum to its value then, as V0003's is pinned).
 */
export const themeArticlesMigration: CodeMigration = {
  version: 'V0019',
  description: 'theme-to-article crosswalk',
  checksum: () => sha256(fs.readFileSync(THEME_ARTICLES_FILE)),
  apply: async (tx) => {
    await tx.run(cypher('jurisprudence/theme-articles-replace'), { rows: readThemeArticles() });
    // The clusters' ADVERSE_JURISPRUDENCE signals rest on the crosswalk.
    const states = await clusterStates(tx);
    if (states.length) await refreshClusterSignals(tx, states);
  },
};
