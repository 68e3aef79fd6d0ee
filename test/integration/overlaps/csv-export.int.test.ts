/**
 * `recgraph export overlaps`: one CSV row per stored pair of the overlap fixture.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportOverlapsCommand } from '../../../src/cli/overlaps.ts';
import { useOverlapFixture } from '../../helpers/overlaps.ts';

const { t, fixture } = useOverlapFixture();

describe('the CSV export of overlaps', () => {
  it('exports one CSV row per stored pair', async () => {
    const out = path.join(fixture.dir, 'overlaps.csv');
    await exportOverlapsCommand(t.db, out);
    const lines = fs.readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('a_id,b_id,score,kind,methods,status');
    const row = lines.find((l) => l.startsWith('OVTEST/1,OVTEST/2,'));
    expect(row).toMatch(/^OVTEST\/1,OVTEST\/2,[\d.]+,SAME,LEXICAL\+SIGNATURE,SUGGESTED$/);
  });
});
