// @ts-check
import js from '@eslint/js';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

/**
 * The layers of src/, lowest first. A module imports only from its own layer and the layers below
 * it (docs/architecture.md): core has no dependencies, the GraphQL plumbing never knows a feature,
 * features never know the server or the CLI that assemble them.
 */
const LAYERS = [
  ['src/core'],
  ['src/auth'],
  ['src/db'],
  ['src/graphql'],
  ['src/features'],
  ['src/server'],
  ['src/main.ts'],
  ['src/cli'],
];

const layerZones = LAYERS.flatMap((layer, rank) => {
  const above = LAYERS.slice(rank + 1).flat();
  return above.length === 0
    ? []
    : layer.map((target) => ({
        target: `./${target}`,
        from: above.map((path) => `./${path}`),
        message: `${target} sits below ${above.join(', ')}: import downwards only (docs/architecture.md)`,
      }));
});

/** A feature's files other than its index.ts (in subfolders too), seen from outside the feature. */
const FEATURE_INTERNALS = {
  regex: '/features/[^/]+/(?!index\\.ts$).+$',
  message: 'import a feature through its index.ts',
};

/**
 * Another feature's files other than its index.ts, seen from a file `depth` folders below
 * src/features/ (1: features/overlaps/text.ts, 2: features/overlaps/vocabulary/objects.ts).
 */
const otherFeatureInternals = (depth) => ({
  regex: `^(\\.\\./){${depth}}(?!\\.\\.)[^/]+/(?!index\\.ts$).+$`,
  message: 'import another feature through its index.ts',
});

export default tseslint.config(
  { ignores: ['node_modules/', 'tools/neo4j-embedded/target/', 'data/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver()] },
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layerZones }] },
  },
  {
    // Code outside a feature (src/, bench/, eval/) uses it through its index.ts only.
    files: ['src/**/*.ts', 'bench/**/*.ts', 'eval/**/*.ts'],
    ignores: ['src/features/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [FEATURE_INTERNALS] }] },
  },
  // A feature reaches another feature through its index.ts too.
  {
    files: ['src/features/*/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherFeatureInternals(1)] }] },
  },
  {
    files: ['src/features/*/*/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [otherFeatureInternals(2)] }] },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  // Plain Node scripts (install steps that run before any TypeScript tooling).
  {
    files: ['tools/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
