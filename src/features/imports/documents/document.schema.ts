/**
 * GraphQL for imported documents: a recommendation's context in its document, a document's own
 * details and its other paragraph units, and the licence and highlighting of a source record.
 * See docs/documents.md.
 */
import { builder } from '../../../graphql/builder.ts';
import {
  DocumentRef,
  RecommendationRef,
  SourceRecordRef,
  type Recommendation,
} from '../../recommendations/index.ts';
import { findParagraphs, type DocumentParagraph } from './document.repository.ts';
import { UNIT_KINDS } from './classify.ts';

/** What a document import stores on a recommendation beside its text. */
interface StoredContext {
  readonly chapeau?: string | null;
  readonly concern?: string | null;
  readonly concernParagraphs?: readonly string[] | null;
  readonly preamble?: string | null;
  readonly headings?: readonly string[] | null;
  readonly position?: number | null;
}

const UnitKindEnum = builder.enumType('DocumentUnitKind', {
  description: 'What a paragraph unit of a document is (docs/documents.md).',
  values: UNIT_KINDS,
});

const ContextRef = builder.objectRef<StoredContext>('RecommendationContext').implement({
  description:
    'Where a recommendation read from a document stands in it: the words around it, kept apart from its text.',
  fields: (t) => ({
    chapeau: t.string({
      nullable: true,
      description:
        'The chapeau a sub-item hangs from ("The Committee recommends that the State party:").',
      resolve: (c) => c.chapeau ?? null,
    }),
    concern: t.string({
      nullable: true,
      description: 'The concern paragraph(s) it answers.',
      resolve: (c) => c.concern ?? null,
    }),
    concernParagraphs: t.stringList({
      description: 'Labels of those concern paragraphs ("10", "10(a)").',
      resolve: (c) => [...(c.concernParagraphs ?? [])],
    }),
    preamble: t.string({
      nullable: true,
      description: 'Words of its own paragraph before the operative sentence (a quoted article).',
      resolve: (c) => c.preamble ?? null,
    }),
    headings: t.stringList({
      description: 'The headings above it in the document, outermost first.',
      resolve: (c) => [...(c.headings ?? [])],
    }),
    position: t.int({
      nullable: true,
      description: 'Its place among the units of the document (0-based).',
      resolve: (c) => c.position ?? null,
    }),
  }),
});

const ParagraphRef = builder.objectRef<DocumentParagraph>('DocumentParagraph').implement({
  description:
    'A unit of a document that is not a recommendation: a concern, a chapeau, a quotation or narrative.',
  fields: (t) => ({
    id: t.exposeString('id', {
      description: '{documentSymbol}#{paragraph}, like recommendations.',
    }),
    label: t.exposeString('label', { description: 'The official numbering: "10", "10(a)".' }),
    parent: t.exposeString('parent', { nullable: true, description: "A sub-item's paragraph." }),
    kind: t.field({ type: UnitKindEnum, resolve: (p) => p.kind as (typeof UNIT_KINDS)[number] }),
    text: t.exposeString('text'),
    highlighted: t.exposeBoolean('highlighted', {
      nullable: true,
      description:
        'The source set it in bold (CLADEM highlights recommendations); null: the source does not highlight.',
    }),
  }),
});

builder.objectField(RecommendationRef, 'documentPart', (t) =>
  t.field({
    type: DocumentRef,
    nullable: true,
    description:
      'For a recommendation in a report that covers many states (a General Assembly annual report): the part of it about this state, with its own paragraphs and source (`document` is the whole report).',
    resolve: (r: Recommendation) =>
      (r as Recommendation & { documentPart?: string | null }).documentPart ?? null,
  }),
);

builder.objectField(RecommendationRef, 'context', (t) =>
  t.field({
    type: ContextRef,
    nullable: true,
    description: 'Its context in its document, for recommendations imported from documents.',
    resolve: (r: Recommendation) => {
      const stored = r as Recommendation & StoredContext;
      const has =
        stored.chapeau != null ||
        stored.concern != null ||
        stored.preamble != null ||
        stored.headings != null;
      return has ? stored : null;
    },
  }),
);

/** What a document import writes on a Document and its source records (docs/documents.md). */
interface StoredDocument {
  readonly title?: string | null;
  readonly language?: string | null;
  readonly date?: string | null;
  readonly state?: string | null;
  readonly kind?: string | null;
  readonly part?: string | null;
  readonly whole?: string | null;
  readonly licence?: string | null;
  readonly attribution?: string | null;
  readonly url?: string | null;
  readonly units?: number | null;
  readonly warnings?: readonly string[] | null;
}
interface StoredSource {
  readonly licence?: string | null;
  readonly attribution?: string | null;
  readonly url?: string | null;
  readonly highlighted?: boolean | null;
}
const stored = (d: object) => d as StoredDocument;
const source = (s: object) => s as StoredSource;

builder.objectFields(DocumentRef, (t) => ({
  title: t.string({ nullable: true, resolve: (d) => stored(d).title ?? null }),
  language: t.string({
    nullable: true,
    description: 'ISO 639-1 code of the document (imported documents).',
    resolve: (d) => stored(d).language ?? null,
  }),
  date: t.string({
    nullable: true,
    description: 'Its date (YYYY-MM-DD) when known to the day.',
    resolve: (d) => stored(d).date ?? null,
  }),
  kind: t.string({
    nullable: true,
    description: 'CONCLUDING_OBSERVATIONS, UPR_WORKING_GROUP_REPORT, COUNTRY_REPORT, …',
    resolve: (d) => stored(d).kind ?? null,
  }),
  part: t.string({
    nullable: true,
    description:
      'For a part of a report that covers many states ("URY CEDAW 2" of A/57/38): which part. `whole` is the report.',
    resolve: (d) => stored(d).part ?? null,
  }),
  whole: t.string({ nullable: true, resolve: (d) => stored(d).whole ?? null }),
  licence: t.string({
    nullable: true,
    description: 'The licence of the source it was imported from (CLADEM: CC BY-SA 4.0).',
    resolve: (d) => stored(d).licence ?? null,
  }),
  attribution: t.string({
    nullable: true,
    description: 'The attribution that licence requires.',
    resolve: (d) => stored(d).attribution ?? null,
  }),
  url: t.string({ nullable: true, resolve: (d) => stored(d).url ?? null }),
  units: t.int({
    nullable: true,
    description: 'How many paragraph units the import found in it.',
    resolve: (d) => stored(d).units ?? null,
  }),
  importWarnings: t.stringList({
    description: 'What the import worked around (a shifted footnote, a repeated paragraph number).',
    resolve: (d) => [...(stored(d).warnings ?? [])],
  }),
  paragraphs: t.loadableList({
    type: ParagraphRef,
    description:
      'Its units that are not recommendations (concerns, chapeaux, narrative), in order.',
    load: async (symbols: string[], ctx) => {
      const found = await findParagraphs(ctx, symbols);
      return symbols.map((s) => found.get(s) ?? []);
    },
    resolve: (d) => d.symbol,
  }),
}));

builder.objectFields(SourceRecordRef, (t) => ({
  licence: t.string({ nullable: true, resolve: (s) => source(s).licence ?? null }),
  attribution: t.string({ nullable: true, resolve: (s) => source(s).attribution ?? null }),
  url: t.string({ nullable: true, resolve: (s) => source(s).url ?? null }),
  highlighted: t.boolean({
    nullable: true,
    description:
      'The source set this recommendation apart (CLADEM: in bold); null: it does not highlight.',
    resolve: (s) => source(s).highlighted ?? null,
  }),
}));
