#!/usr/bin/env node
/**
 * Assembles src/features/embeddings/use/matmul.wat into matmul.wasm beside it (committed, so
 * installs need no assembler). Run after editing the .wat: `node tools/embedding/build-kernel.mjs`;
 * test/unit/embeddings checks the committed binary against a plain matrix product.
 */
import fs from 'node:fs';
import path from 'node:path';
import wabtInit from 'wabt';

const dir = path.resolve(import.meta.dirname, '../../src/features/embeddings/use');
const wabt = await wabtInit();
const module = wabt.parseWat('matmul.wat', fs.readFileSync(path.join(dir, 'matmul.wat'), 'utf8'), {
  simd: true,
});
module.validate();
const { buffer } = module.toBinary({});
fs.writeFileSync(path.join(dir, 'matmul.wasm'), buffer);
console.log(`wrote matmul.wasm (${buffer.length} bytes)`);
