/**
 * Bad documents stop the import before anything is written, with a message a user can act on:
 * an unknown state or mechanism (with the closest matches), a symbol that does not fit the
 * mechanism, no recognisable paragraphs, an unreadable Word file.
 */
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/core/errors.ts';
import { documentInputs, importDocuments } from '../../../src/features/imports/index.ts';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { documentScopes } from '../../helpers/documents.ts';

const t = useTestApp();
const newScope = documentScopes(t);

const count = async (symbolPrefix: string) => {
  const [row] = await t.db.read<{ n: number }>(
    `MATCH (n) WHERE (n:Recommendation AND n.documentSymbol STARTS WITH $p) OR (n:Document AND n.symbol STARTS WITH $p)
     RETURN count(n) AS n`,
    { p: symbolPrefix },
  );
  return row!.n;
};

describe('bad documents', () => {
  it('names every problem, with the closest state and mechanism, and writes nothing of any document', async () => {
    const scope = newScope();
    const good = scope.file('cladem-arg-cedaw-7.md');
    const symbol = `CEDAW/C/ARG/CO/7${scope.tag}`;
    const error = await scope
      .import(
        [good, scope.file('other.md', '1. El Comité recomienda que el Estado parte ratifique.\n')],
        {
          mechanism: 'CEDAWW',
          state: 'ARX',
          symbol,
          date: '2016-13-01',
          language: 'es',
        },
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    const message = (error as Error).message;
    expect(message).toContain('unknown mechanism "CEDAWW"; closest: CEDAW');
    expect(message).toMatch(/unknown state "ARX"; closest: [A-Z, ]*ARG/u);
    expect(message).toContain('date "2016-13-01" is not YYYY-MM-DD');
    expect(await count(symbol)).toBe(0);
  });

  it('refuses a symbol that does not fit the mechanism, a file without paragraphs and an unreadable Word file', async () => {
    const scope = newScope();
    const base = { mechanism: 'CEDAW', state: 'ARG', date: '2016', language: 'es' };
    await expect(
      scope.import([scope.file('cladem-arg-cedaw-7.md')], {
        ...base,
        symbol: `CCPR/C/ARG/CO/7${scope.tag}`,
      }),
    ).rejects.toThrow(`symbol CCPR/C/ARG/CO/7${scope.tag} does not fit mechanism CEDAW`);
    await expect(
      scope.import(
        [scope.file('prose.txt', 'El Comité examinó el informe.\nNo hay párrafos numerados.\n')],
        {
          ...base,
          symbol: `CEDAW/C/ARG/CO/8${scope.tag}`,
        },
      ),
    ).rejects.toThrow('no recognisable paragraphs');
    await expect(
      scope.import([scope.file('broken.docx', 'this is not a zip file')], {
        ...base,
        symbol: `CEDAW/C/ARG/CO/9${scope.tag}`,
      }),
    ).rejects.toThrow(/broken\.docx: cannot read this Word file/u);
    await expect(
      scope.import([scope.file('scan.pdf', '%PDF-1.4')], {
        ...base,
        symbol: `CEDAW/C/ARG/CO/9${scope.tag}`,
      }),
    ).rejects.toThrow(/\.pdf files are not read; save it as \.docx/u);
    expect(await count(`CCPR/C/ARG/CO/7${scope.tag}`)).toBe(0);
    expect(await count(`CEDAW/C/ARG/CO/8${scope.tag}`)).toBe(0);
    expect(await count(`CEDAW/C/ARG/CO/9${scope.tag}`)).toBe(0);
  });

  it("refuses another version of a document another source brought, leaving that one's paragraphs and licence", async () => {
    const scope = newScope();
    const before = await t.db.read<{ paragraphs: number; licence: string | null }>(
      `MATCH (d:Document {symbol: 'CEDAW/C/ARG/CO/7'})
       RETURN COUNT { (d)-[:HAS_PARAGRAPH]->() } AS paragraphs, d.licence AS licence`,
    );
    expect(before[0]!.paragraphs).toBeGreaterThan(0);
    // Not scope.import: the symbol is the demo's, which this scope must never clean up.
    const inputs = await documentInputs([scope.file('cladem-arg-cedaw-7.md')], {
      mechanism: 'CEDAW',
      state: 'ARG',
      symbol: 'CEDAW/C/ARG/CO/7',
      language: 'es',
    });
    await expect(importDocuments(t, inputs)).rejects.toThrow(
      'document CEDAW/C/ARG/CO/7 is already in the graph from cladem-2018',
    );
    const after = await t.db.read<{ paragraphs: number; licence: string | null }>(
      `MATCH (d:Document {symbol: 'CEDAW/C/ARG/CO/7'})
       RETURN COUNT { (d)-[:HAS_PARAGRAPH]->() } AS paragraphs, d.licence AS licence`,
    );
    expect(after).toEqual(before);
  });
});
