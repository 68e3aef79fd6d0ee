/** Reads what document imports wrote: paragraphs, document details, source provenance. */
import { cypher } from '../../../db/cypher.ts';
import type { DbContext } from '../../../graphql/context.ts';

export interface DocumentParagraph {
  readonly id: string;
  readonly label: string;
  readonly parent: string | null;
  readonly kind: string;
  readonly text: string;
  readonly highlighted: boolean | null;
  readonly headings: readonly string[] | null;
}

export async function findParagraphs(
  { db }: DbContext,
  symbols: readonly string[],
): Promise<Map<string, DocumentParagraph[]>> {
  const rows = await db.read<{ key: string; items: DocumentParagraph[] }>(
    cypher('documents/find-paragraphs'),
    { symbols },
  );
  return new Map(rows.map((r) => [r.key, r.items]));
}
