import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/db/cypher.ts';

const SRC = path.join(import.meta.dirname, '../../../src');
const sources = fs
  .readdirSync(SRC, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
  .map((entry) => fs.readFileSync(path.join(entry.parentPath, entry.name), 'utf8'))
  .join('\n');
const referenced = new Set([...sources.matchAll(/cypher\('([\w/-]+)'\)/g)].map((m) => m[1]!));

describe('the Cypher catalogue (cypher/queries)', () => {
  const catalogue = loadCatalogue();

  it('has a file for every query the code names, and no unused file', () => {
    expect([...referenced].filter((name) => !catalogue.has(name))).toEqual([]);
    expect([...catalogue.keys()].filter((name) => !referenced.has(name))).toEqual([]);
  });

  it('passes values only as $parameters (no string building inside the files)', () => {
    for (const [name, text] of catalogue) {
      expect(text, name).not.toMatch(/\$\{|\+\s*\$\w+\s*\+\s*'/);
      expect(text.length, name).toBeGreaterThan(0);
    }
  });
});
