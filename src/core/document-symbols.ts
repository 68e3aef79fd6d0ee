/**
 * UN and OAS document symbols as written in texts: how to find them and how to make a
 * hand-typed one regular. Shared by the document importer (imports/documents) and the citation
 * reader (jurisprudence/citations), neither of which depends on the other.
 */

/**
 * A hand-typed symbol made regular: spaces after slashes and before "Add." removed,
 * "ADD" → "Add", "A 43/38" → "A/43/38", "CEDAWC/" → "CEDAW/C/". Typos it cannot know stay.
 */
export function normaliseSymbol(raw: string): string {
  return (
    raw
      .trim()
      .replace(/\s*\/\s*/gu, '/')
      .replace(/\bADD\.?\s*/gu, 'Add.')
      .replace(/\b(Add|Rev)\.\s+/gu, '$1.')
      // "CCPR/C/79 Add. 18": the part after a space is the symbol's last element.
      .replace(/\s+(Add|Rev)\./gu, '/$1.')
      .replace(/^A\s+(\d+\/\d+)/u, 'A/$1')
      .replace(/^CEDAWC\//u, 'CEDAW/C/')
      // MESECVI's symbol is the OAS series and the document number: "OEA/Ser.L/II.7.10 MESECVI-IV/doc.75/12".
      .replace(/;\s*(?=MESECVI)/u, ' ')
      .replace(/[.,;:]+$/u, '')
  );
}

/** UN and OAS document symbols in running text (footnotes, headings). */
export const SYMBOL_IN_TEXT = new RegExp(
  [
    String.raw`\b(?:CEDAW|CCPR|CERD|CAT|CRC|CMW|CRPD|CED|E\/C\.12|A\/HRC|HRI)\s?\/\s?[A-Za-z0-9.]+(?:\s?\/\s?(?:Add\.\s?\d+|[A-Za-z0-9.-]+))*(?:\s(?:Add|Rev)\.\s?\d+)?`,
    String.raw`\bCEDAWC\/[A-Za-z0-9.\/-]+`,
    String.raw`\bA\s?\/?\s?\d{1,3}\s?\/\s?\d{1,3}(?:\s?\/\s?Rev\.\s?\d+)?`,
    String.raw`\bA\/\d{4,5}\b`,
    String.raw`\bE\/\d{4}\/\d+`,
    String.raw`\bOEA\/Ser\.\s?L\s?\/[A-Za-z0-9.\/-]+(?:;\s*(?:MESECVI|Doc\.)[A-Za-z0-9.\/ -]+)?`,
    String.raw`\bMESECVI[-A-Za-z0-9.\/]+`,
  ].join('|'),
  'gu',
);
