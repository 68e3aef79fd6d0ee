import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeOutput } from '../../../src/cli/output.ts';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-output-'));
});
afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("the CLI's export files", () => {
  it('appear under their name only when complete', async () => {
    const out = path.join(dir, 'export.ndjson');
    await writeOutput(out, ['{"a":1}\n', '{"a":2}\n']);
    expect(fs.readFileSync(out, 'utf8')).toBe('{"a":1}\n{"a":2}\n');
    expect(fs.readdirSync(dir)).toEqual(['export.ndjson']);
  });

  it('leave nothing behind, not even an earlier file, when the export fails half-way', async () => {
    const out = path.join(dir, 'export.ndjson');
    fs.writeFileSync(out, 'the previous export\n');
    async function* failing() {
      yield '{"a":1}\n';
      await new Promise((resolve) => setImmediate(resolve)); // the next page never comes
      throw new Error('the database went away');
    }
    await expect(writeOutput(out, failing())).rejects.toThrow('the database went away');
    // The previous export is untouched and no partial file is left.
    expect(fs.readFileSync(out, 'utf8')).toBe('the previous export\n');
    expect(fs.readdirSync(dir)).toEqual(['export.ndjson']);
  });

  it('report a target that cannot be written as an error, not a crash', async () => {
    const out = path.join(dir, 'missing', 'x.csv');
    await expect(writeOutput(out, ['a\n'])).rejects.toThrow(`cannot write ${out}: ENOENT`);
  });
});
