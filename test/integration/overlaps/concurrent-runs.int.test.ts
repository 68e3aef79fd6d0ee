/**
 * Two detection runs at once over the overlap fixture store each pair once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { detectOverlaps } from '../../../src/features/overlaps/index.ts';
import { useOverlapFixture } from '../../helpers/overlaps.ts';

const { t, fixture } = useOverlapFixture();

describe('two detection runs at once', () => {
  it('store each pair once', async () => {
    const more = path.join(fixture.dir, 'more.ndjson');
    fs.writeFileSync(
      more,
      `${JSON.stringify({ id: 'OVTEST/10', mechanism: 'UPR', state: 'BRA', text: 'Ratify the Optional Protocol to the Convention against Torture without delay.', language: 'en', year: 2017, cycle: 3, documentSymbol: 'OVTEST/C3' })}\n`,
    );
    await runImport({ db: t.db }, { files: [more], format: 'ndjson' });
    // Both runs load BRA before either writes, so both find the new pairs.
    await Promise.all([detectOverlaps({ db: t.db }), detectOverlaps({ db: t.db })]);
    const rows = await t.db.read<{ pairs: number; links: number }>(
      `MATCH (a:Recommendation)-[o:OVERLAPS]-(b:Recommendation {id: 'OVTEST/10'})
       RETURN count(DISTINCT a) AS pairs, count(o) AS links`,
    );
    expect(rows[0]!.pairs).toBeGreaterThanOrEqual(3);
    expect(rows[0]!.links).toBe(rows[0]!.pairs);
  });
});
