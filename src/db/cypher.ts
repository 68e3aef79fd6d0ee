/**
 * Fixed Cypher statements live in cypher/queries/<feature>/<verb-noun>.cypher, one per file,
 * with $parameters only. They are read once, on first use, into a map keyed by
 * "<feature>/<verb-noun>".
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../core/config.ts';

export const QUERIES_DIR = path.join(PROJECT_ROOT, 'cypher', 'queries');

let catalogue: ReadonlyMap<string, string> | undefined;

/** Every query file, keyed by its path under cypher/queries without the extension. */
export function loadCatalogue(): ReadonlyMap<string, string> {
  if (catalogue) return catalogue;
  const map = new Map<string, string>();
  for (const entry of fs.readdirSync(QUERIES_DIR, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.cypher')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const name = path
      .relative(QUERIES_DIR, file)
      .replace(/\\/g, '/')
      .replace(/\.cypher$/, '');
    map.set(name, fs.readFileSync(file, 'utf8').trim());
  }
  catalogue = map;
  return map;
}

/**
 * The text of one fixed query.
 * @example db.read(cypher('states/find-by-iso3s'), { iso3s })
 * @throws Error when no such file exists (a typo is caught by the first test that runs it).
 */
export function cypher(name: string): string {
  const text = loadCatalogue().get(name);
  if (text === undefined) throw new Error(`no Cypher query named ${name} in cypher/queries`);
  return text;
}
