/**
 * The language each reader gives a recommendation (docs/importing.md#languages): UHRI and NDJSON
 * rows without one get the guess from their text, composed (NFC); UPR sources are English.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRows, type ParsedRow } from '../../../src/features/imports/formats.ts';
import { referenceFormatContext } from '../../helpers/format-context.ts';

type Text = { key: string; text: string; language: string };
const FIXTURES = path.join(import.meta.dirname, '../../fixtures');
const TEXTS = JSON.parse(
  fs.readFileSync(path.join(FIXTURES, 'languages/texts.json'), 'utf8'),
) as Text[];
const text = (key: string) => TEXTS.find((x) => x.key === key)!.text;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recgraph-languages-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function records(file: string, format: Parameters<typeof readRows>[1]) {
  const rows: ParsedRow[] = [];
  for await (const row of readRows(file, format, referenceFormatContext())) rows.push(row);
  return rows.map((row) => {
    if (!row.ok) throw new Error(row.reason);
    return { text: row.record.text, language: row.record.language };
  });
}

describe('the language of imported recommendations', () => {
  it('guesses it for UHRI annotations, whose exports state none', async () => {
    const keys = ['cescr-col-2017-46b', 'sdg-5.2-fr', 'sdg-5.2-en'];
    const file = path.join(dir, 'uhri.json');
    fs.writeFileSync(
      file,
      JSON.stringify(
        keys.map((key, i) => ({
          AnnotationId: `LANG-${i}`,
          AnnotationType: 'Recommendation',
          Symbol: `LANG/C/COL/CO/${i}`,
          Text: text(key),
          Body: 'CEDAW',
          Countries: ['Colombia'],
        })),
      ),
    );
    expect(await records(file, 'uhri')).toEqual([
      { text: text('cescr-col-2017-46b'), language: 'es' },
      // The source writes "É" as E and U+0301; the record holds it composed.
      { text: text('sdg-5.2-fr').normalize('NFC'), language: 'fr' },
      { text: text('sdg-5.2-en'), language: 'en' },
    ]);
  });

  it('takes it from an NDJSON line, and guesses it when the line has none', async () => {
    const line = (key: string, language?: string) =>
      JSON.stringify({ mechanism: 'CEDAW', state: 'CHL', text: text(key), language });
    const file = path.join(dir, 'recs.ndjson');
    fs.writeFileSync(
      file,
      [line('cedaw-chl-2012-52'), line('sdg-5.2-ru'), line('sdg-5.2-en', 'fr')].join('\n'),
    );
    expect((await records(file, 'ndjson')).map((r) => r.language)).toEqual(['es', 'ru', 'fr']);
  });

  it('states English for the UPR sources', async () => {
    for (const [fixture, format] of [
      ['upr-info-sample.csv', 'upr-info'],
      ['upr-report-sample.csv', 'upr-report'],
      ['ohchr-thematic-list-sample.csv', 'ohchr-thematic-list'],
    ] as const) {
      const rows: ParsedRow[] = [];
      for await (const row of readRows(
        path.join(FIXTURES, fixture),
        format,
        referenceFormatContext(),
      ))
        rows.push(row);
      const languages = new Set(rows.flatMap((row) => (row.ok ? [row.record.language] : [])));
      expect([...languages], fixture).toEqual(['en']);
    }
  });
});
