import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // graphql 16 ships CommonJS and ESM builds; Pothos loads the CommonJS one through Node, so the
    // code under test must get the same copy or graphql's instanceof checks fail ("another realm").
    alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts', 'test/schema.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.int.test.ts'],
          environment: 'node',
          // One real Neo4j for the whole run (NEO4J_URI, a testcontainer, or the embedded launcher).
          globalSetup: ['test/global-setup.ts'],
          // The first run on a new machine builds the launcher (Maven downloads Neo4j).
          hookTimeout: 900_000,
          testTimeout: 120_000,
          // The files share one database; running them one after another keeps the 2-core
          // machines responsive and the query-count figures undisturbed.
          fileParallelism: false,
        },
      },
    ],
  },
});
