/**
 * Source files in MacRoman with CR line ends read with --encoding macroman, and say so when
 * read without it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { JWT_SECRET } from '../../helpers/auth.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { useSourceFiles } from '../../helpers/imports.ts';
import { FIXTURES } from '../../helpers/imports.ts';

const t = useTestApp({ auth: { jwtSecret: JWT_SECRET } });
const { copy } = useSourceFiles(t);

describe('text encodings of source files', () => {
  it('reads a whole MacRoman file with CR line ends when told, and says so when not', async () => {
    const mac = new TextDecoder('macintosh');
    const toMacRoman = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) toMacRoman.set(mac.decode(Uint8Array.of(byte)), byte);
    const text = fs
      .readFileSync(path.join(FIXTURES, 'upr-info-sample.csv'), 'utf8')
      .replace(
        'Continue a dialogue with minority religions',
        'Continue a dialogue with minority religions – “all” of them',
      )
      .replace(/\n/g, '\r');
    const bytes = Buffer.from([...text].map((ch) => toMacRoman.get(ch) ?? 0x3f));
    const file = copy('upr-info-macroman.csv', bytes);

    const wrong = await runImport(t, { files: [file], dryRun: true });
    expect(wrong.rejections[0]?.reason).toMatch(/--encoding macroman/);

    const right = await runImport(t, { files: [file], encoding: 'macroman' });
    expect(right).toMatchObject({ read: 9, rejected: 1, created: 7 });
    const [row] = await t.db.read<{ text: string }>(
      `MATCH (r:Recommendation) WHERE r.id STARTS WITH 'UPR/DZA/c1#' AND r.text CONTAINS 'religions'
       RETURN r.text AS text`,
    );
    expect(row!.text).toBe('Continue a dialogue with minority religions – “all” of them');
  });
});
