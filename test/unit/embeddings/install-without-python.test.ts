/**
 * The model's install step (tools/embedding/install.mjs, run by `npm install`) on a machine with
 * no Python: it says so once, installs nothing and does not fail the install; recgraph then runs
 * lexical-only and says why.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../../src/core/config.ts';

describe('installing the embedding model without Python', () => {
  it('says so, installs nothing and exits 0', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-models-'));
    const run = spawnSync(
      process.execPath,
      [path.join(PROJECT_ROOT, 'tools/embedding/install.mjs')],
      {
        env: { PATH: path.join(dir, 'no-bin'), RECGRAPH_MODEL_DIR: dir },
        encoding: 'utf8',
      },
    );
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/no Python with pip was found.*lexical-only/s);
    expect(fs.readdirSync(dir)).toEqual([]);
    fs.rmSync(dir, { recursive: true });
  });

  it('reports lexical-only mode with the reason when the model is missing', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-models-'));
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('./src/features/embeddings/index.ts').then((m) => console.log(JSON.stringify(m.embedderStatus())))",
      ],
      { cwd: PROJECT_ROOT, env: { ...process.env, RECGRAPH_MODEL_DIR: dir }, encoding: 'utf8' },
    );
    expect(run.status).toBe(0);
    const status = JSON.parse(run.stdout.trim()) as { available: boolean; reason: string };
    expect(status.available).toBe(false);
    expect(status.reason).toMatch(/not installed.*npm run model:install/);
    fs.rmSync(dir, { recursive: true });
  });
});
