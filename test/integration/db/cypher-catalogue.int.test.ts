/** Every query of the Cypher catalogue plans on the real Neo4j. */
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../../../src/db/cypher.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

describe('the Cypher catalogue', () => {
  it('every fixed query compiles on the real Neo4j (EXPLAIN)', async () => {
    for (const [name, text] of loadCatalogue()) {
      // EXPLAIN plans without running; every $parameter gets a null, which planning accepts.
      const params: Record<string, null> = Object.fromEntries(
        [...text.matchAll(/\$(\w+)/g)].map((m) => [m[1]!, null]),
      );
      await expect(t.db.read(`EXPLAIN ${text}`, params), name).resolves.toBeDefined();
    }
  });
});
