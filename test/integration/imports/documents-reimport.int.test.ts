/**
 * Importing the same document again changes nothing; a corrected version updates only the
 * paragraphs that changed and says which; paragraphs it lacks are reported and kept.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/create-test-app.ts';
import { DOCUMENT_FIXTURES, documentScopes } from '../../helpers/documents.ts';

const t = useTestApp();
const newScope = documentScopes(t);

describe('importing a document again', () => {
  it('changes nothing when it is the same, and updates and reports the paragraphs of a corrected version', async () => {
    const scope = newScope();
    const symbol = `CEDAW/C/ARG/CO/7${scope.tag}`;
    const meta = { mechanism: 'CEDAW', state: 'ARG', symbol, date: '2016-11-25', language: 'es' };
    const original = fs.readFileSync(path.join(DOCUMENT_FIXTURES, 'cladem-arg-cedaw-7.md'), 'utf8');
    const first = await scope.import([scope.file('v1.md', original)], meta);
    expect(first).toMatchObject({ created: 13, updated: 0, unchanged: 0 });

    const again = await scope.import([scope.file('v1-again.md', original)], meta);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 13 });

    // The corrected version words 9(b) differently and has lost sub-item 13(g).
    const corrected = original
      .replace(
        'Aliente a los jueces a todos los niveles',
        'Aliente a los jueces de todos los niveles',
      )
      .replace(/\n {4}g\. \*\*Garantice [\s\S]*?\*\*\n/u, '\n');
    expect(corrected).not.toBe(original);
    const second = await scope.import([scope.file('v2.md', corrected)], meta);
    expect(second.documents[0]).toMatchObject({
      updated: 1,
      changedParagraphs: ['9(b)'],
      missingParagraphs: ['13(g)'],
    });
    const res = await t.execute<{ a: { text: string } | null; g: { text: string } | null }>(
      `query ($a: ID!, $g: ID!) { a: recommendation(id: $a) { text } g: recommendation(id: $g) { text } }`,
      { a: `${symbol}#9(b)`, g: `${symbol}#13(g)` },
    );
    expect(res.data!.a!.text).toMatch(/^Aliente a los jueces de todos los niveles/u);
    expect(res.data!.g).not.toBeNull();
  });
});
