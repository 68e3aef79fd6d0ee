/**
 * What a text search may hold (docs/api.md#text-search): document symbols and other Lucene
 * syntax characters are searched as text and never fail; words, phrases, prefix*, AND/OR/NOT,
 * -excluded and (groups) keep their meaning. Over real Spanish texts (test/fixtures/languages).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runImport } from '../../../src/features/imports/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { FIXTURES, importScope, type Scope } from '../../helpers/imports.ts';

type Text = { key: string; text: string; language: string };
const TEXTS = (
  JSON.parse(fs.readFileSync(path.join(FIXTURES, 'languages/texts.json'), 'utf8')) as Text[]
).filter((x) => x.language === 'es');

const t = useTestApp();
let scope: Scope;

beforeAll(async () => {
  scope = importScope();
  const lines = TEXTS.map((x, i) =>
    scope.ndjsonLine(i + 1, { text: x.text, language: x.language, paragraph: x.key }),
  );
  await runImport(t, { files: [scope.file('texts.ndjson', lines.join('\n') + '\n')] });
});
afterAll(() => scope.cleanup(t.db));

const QUERY = `query ($f: RecommendationFilter) {
  recommendations(filter: $f, first: 100) { edges { node { paragraph } } } }`;

/** The keys of this file's recommendations matching `text`, sorted. */
async function keys(text: string): Promise<string[]> {
  const result = await t.execute<{
    recommendations: { edges: { node: { paragraph: string } }[] };
  }>(QUERY, { f: { text, mechanisms: [scope.mechanism] } });
  expect(result.errors, text).toBeUndefined();
  return result.data!.recommendations.edges.map((e) => e.node.paragraph).sort();
}

describe('a text search with Lucene syntax characters', () => {
  it('finds a document symbol the text cites', async () => {
    expect(await keys('CEDAW/C/CHL/CO/5-6')).toEqual(['cedaw-chl-2018-11']);
    expect(await keys('CEDAW/C/CHI/CO/4')).toEqual(['cedaw-chl-2012-52']);
    expect(await keys('"CEDAW/C/CHI/CO/4"')).toEqual(['cedaw-chl-2012-52']);
  });

  it('never fails on what Lucene would read as syntax', async () => {
    // Each holds "mujer" as a word of its own (or the only word of a phrase) beside the syntax.
    const inputs = [
      'mujer A/HRC/28/15',
      'mujer and/or',
      '"violencia',
      'mujer"',
      'mujer AND (',
      ') mujer (',
      'mujer párr.: 25(b)',
      'mujer title:x',
      '[mujer TO',
      '{mujer}',
      'mujer ^2',
      'mujer~',
      'mujer?',
      '*mujer',
      'mujer\\',
      '!mujer',
      '&& mujer ||',
      'mujer AND OR NOT',
      '+ - mujer',
      '-AND mujer',
      'mujer https://jurisprudencia.cladem.org/?q=x&y=1',
    ];
    for (const input of inputs) expect(await keys(input), input).toContain('cescr-col-2017-46b');
  });

  it('rejects a search with no word in it as invalid input', async () => {
    for (const input of ['"', '( )', '*', 'AND', '&& || !']) {
      const result = await t.execute(QUERY, { f: { text: input } });
      expect(result.data, input).toBeNull();
      expect(result.errors?.[0]?.extensions, input).toMatchObject({
        code: 'INVALID_INPUT',
        field: 'filter.text',
      });
    }
  });
});

describe('the search syntax that is kept', () => {
  it('keeps AND, OR, NOT, phrases, prefixes, required and excluded words, and groups', async () => {
    expect(await keys('ratificación AND Facultativo')).toEqual([
      'cedaw-chl-2012-52',
      'cedaw-chl-2018-11',
    ]);
    expect(await keys('Pacto OR reitera')).toEqual(['cedaw-chl-2018-11', 'upr-chl-2014-121.2']);
    expect(await keys('Protocolo NOT Pacto')).toEqual(['cedaw-chl-2012-52', 'cedaw-chl-2018-11']);
    expect(await keys('+mujer -Pacto')).toEqual(['cescr-col-2017-46b']);
    expect(await keys('"Protocolo Facultativo de la Convención"')).toEqual([
      'cedaw-chl-2012-52',
      'cedaw-chl-2018-11',
      'upr-chl-2014-121.2',
    ]);
    expect(await keys('agili*')).toEqual(['cedaw-chl-2012-52', 'cedaw-chl-2018-11']);
    expect(await keys('(Pacto OR casos) AND mujer')).toEqual([
      'cescr-col-2017-46b',
      'upr-chl-2014-121.2',
    ]);
  });
});
