/**
 * An import killed half-way (the CLI, SIGKILL) and run again ends as an uninterrupted one.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { importScopePerTest } from '../../helpers/imports.ts';

const t = useTestApp();
const { newScope, lines } = importScopePerTest(t);

describe('an interrupted import', () => {
  it('an import killed half-way and run again ends as an uninterrupted one', async () => {
    const scope = newScope();
    const file = scope.file('kill.ndjson', lines(20_000));
    const env = {
      ...process.env,
      NEO4J_URI: inject('neo4jUri'),
      NEO4J_USER: inject('neo4jUser') ?? '',
      NEO4J_PASSWORD: inject('neo4jPassword') ?? '',
      LOG_LEVEL: 'warn',
    };
    const cli = path.join(import.meta.dirname, '../../../bin/recgraph.js');

    // arrange: start the CLI and kill it as soon as some batches are in the graph
    const child = spawn(process.execPath, [cli, 'import', file, '--json'], {
      env,
      stdio: 'ignore',
    });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    for (;;) {
      const { recommendations } = await scope.counts(t.db);
      if (recommendations > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await exited;
    const partial = (await scope.counts(t.db)).recommendations;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(20_000);

    const rerun = await runImport(t, { files: [file] });
    expect(rerun.rejected).toBe(0);
    expect(rerun.unchanged).toBe(partial);
    expect(await scope.counts(t.db)).toEqual({
      recommendations: 20_000,
      sources: 20_000,
      mechanisms: 1,
    });
    console.info(
      `[kill] killed after ${partial} of 20000 rows; the rerun created ${rerun.created} and left ${rerun.unchanged} unchanged`,
    );
  });
});
