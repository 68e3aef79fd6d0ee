import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cypherMigrations, MIGRATIONS_DIR, splitStatements } from '../../../src/db/migrate.ts';
import { CODE_MIGRATIONS } from '../../../src/server/migrations.ts';

describe('migration files', () => {
  it('are named V0001__snake_description.cypher, in sequence with those in code, and hold DDL only or DML only', () => {
    const versions = [...cypherMigrations(), ...CODE_MIGRATIONS].map((m) => m.version).sort();
    expect(versions).toEqual(versions.map((_, i) => `V${String(i + 1).padStart(4, '0')}`));
    for (const name of fs.readdirSync(MIGRATIONS_DIR)) {
      const statements = splitStatements(fs.readFileSync(`${MIGRATIONS_DIR}/${name}`, 'utf8'));
      const ddl = statements.filter((s) =>
        /^(CREATE|DROP)\s+(CONSTRAINT|INDEX|FULLTEXT|RANGE|TEXT|POINT|VECTOR)/i.test(s),
      );
      expect([0, statements.length], name).toContain(ddl.length);
      for (const statement of ddl) expect(statement, name).toMatch(/IF (NOT )?EXISTS/);
    }
  });
});

describe('splitStatements', () => {
  it('splits on semicolons outside strings and comments', () => {
    const text = `// a comment; with a semicolon
CREATE (n {s: 'a;b'});
MATCH (n) RETURN "x;y" AS \`q;r\`;
`;
    expect(splitStatements(text)).toEqual([
      "CREATE (n {s: 'a;b'})",
      'MATCH (n) RETURN "x;y" AS `q;r`',
    ]);
  });
});
