/**
 * Imported first by the server's entry (and the benchmark that times it as served): the
 * libraries read NODE_ENV once, when they load, so it must be set before they are imported.
 * Unless it is set already, the server runs as in production: graphql-js then skips its
 * development checks, which cost a large response a good share of its time (docs/benchmarks.md).
 * Tests run with vitest's NODE_ENV=test.
 */
process.env['NODE_ENV'] ??= 'production';
