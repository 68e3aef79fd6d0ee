/**
 * `recgraph import --format general-comments`: the treaty bodies' general comments and
 * recommendations, one CSV row per paragraph (the layout of
 * ../shared/data/treaty-body-general-comments-annotated/tb_general_comments_paragraphs.csv), with
 * the documents' metadata from a GC-info.json beside the CSV when there is one.
 *
 * Every row of every file is checked before anything is written. Rows that cannot be imported
 * are rejected with file:line and left out; a paragraph given twice is written once. The rest is
 * written in batches, and only what changed (a content hash per node): importing the same files
 * again writes nothing. See docs/jurisprudence.md, "General comments and recommendations".
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { DbContext } from '../../graphql/context.ts';
import { InvalidInputError } from '../../core/errors.ts';
import {
  articlesInTitle,
  bodyCode,
  canonicalOf,
  concernedGroups,
  isoDate,
  paragraphNumber,
  reference,
  REQUIRED_GENERAL_COMMENT_COLUMNS,
  resolveReferences,
  titleFromShortName,
  yearInTitle,
  type GeneralCommentBody,
} from './general-comment-rows.ts';
import * as repository from './general-comment.repository.ts';
import type { CommentWrite, ParagraphWrite } from './general-comment.repository.ts';
import { resolvePendingCitations } from './citation-reading.service.ts';

/** The dataset name stored on every node (the folder's name in ../shared/data). */
export const GENERAL_COMMENTS_DATASET = 'treaty-body-general-comments-annotated';
/** The metadata file read when it stands beside a CSV. */
export const GENERAL_COMMENTS_INFO_FILE = 'GC-info.json';
/** Paragraphs written per transaction. */
export const GENERAL_COMMENT_BATCH = 500;

export interface GeneralCommentImportOptions {
  /**
   * Check the files and count what would change; write nothing.
   * @default false
   */
  readonly dryRun?: boolean;
  /**
   * The dataset name stored on the nodes.
   * @default 'treaty-body-general-comments-annotated'
   */
  readonly dataset?: string;
}

/** A row left out, or one imported with a caveat. Line 1 is the header; 0 is the whole file. */
export interface GeneralCommentProblem {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface GeneralCommentCounts {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * What became of the paragraph rows (`read` = `created + updated + unchanged + rejected +
 * duplicates` when every file could be read; an unreadable file is one rejection), and of the
 * comments they make up.
 */
export interface GeneralCommentImportResult extends GeneralCommentCounts {
  read: number;
  rejected: number;
  /** Rows that repeat a paragraph already read (same comment, number and text): written once. */
  duplicates: number;
  /** Paragraphs of re-imported comments that the files no longer have, removed. */
  removed: number;
  readonly comments: GeneralCommentCounts;
  readonly rejections: GeneralCommentProblem[];
  readonly warnings: GeneralCommentProblem[];
  /** False for a dry run. */
  readonly written: boolean;
  /** Citations of recommendations that now point at an imported comment. */
  citationsResolved: number;
}

/** One entry of GC-info.json. */
interface InfoEntry {
  readonly name?: string;
  readonly simplifiedName?: string;
  readonly signature?: string;
  readonly adoptionDate?: string;
  readonly adoptionYear?: number;
  readonly committee?: string;
  readonly link?: string;
}

interface CsvRow {
  readonly file: string;
  readonly line: number;
  readonly record: Record<string, string>;
}

interface CommentDraft {
  readonly csv: string;
  readonly line: number;
  readonly id: string;
  readonly aliases: string[];
  readonly bodies: GeneralCommentBody[];
  readonly articles: string[];
  readonly props: Record<string, unknown>;
  readonly paragraphs: Map<
    number,
    { line: number; text: string; groups: string[]; position: number }
  >;
  readonly warnings: string[];
}

const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : undefined;

/** Reads GC-info.json beside `csv`, keyed by source file name; problems become warnings. */
function readInfo(csv: string, warnings: GeneralCommentProblem[]): Map<string, InfoEntry> {
  const file = path.join(path.dirname(csv), GENERAL_COMMENTS_INFO_FILE);
  const entries = new Map<string, InfoEntry>();
  if (!fs.existsSync(file)) return entries;
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    warnings.push({ file, line: 0, reason: `not readable JSON, not used: ${reason}` });
    return entries;
  }
  if (!Array.isArray(parsed)) {
    warnings.push({ file, line: 0, reason: 'not a JSON array of documents, not used' });
    return entries;
  }
  parsed.forEach((raw: unknown, index) => {
    const e = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
    const source = str(e['File PATH']);
    if (!source) {
      warnings.push({ file, line: 0, reason: `entry ${index} has no "File PATH", not used` });
      return;
    }
    const year = e['Adoption Year'];
    entries.set(path.basename(source), {
      name: str(e['Name']),
      simplifiedName: str(e['Simplified Name']),
      signature: str(e['Signature']),
      adoptionDate: str(e['Adoption Date']),
      adoptionYear: typeof year === 'number' ? year : Number(str(year)) || undefined,
      committee: str(e['Committee']),
      link: str(e['Link']),
    });
  });
  return entries;
}

/** Reads one CSV's records with their line numbers; an unreadable file is one rejection. */
function readCsv(file: string): { rows: CsvRow[]; problem?: GeneralCommentProblem } {
  let text: Buffer;
  try {
    text = fs.readFileSync(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { rows: [], problem: { file, line: 0, reason: `cannot read the file: ${reason}` } };
  }
  let header: string[] = [];
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    // With `info`, csv-parse returns each record with where it was read (its types do not say so).
    parsed = parse(text, {
      columns: (names: string[]) => (header = names.map((n) => n.trim())),
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      info: true,
    }) as unknown as typeof parsed;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    const reason = error instanceof Error ? error.message : String(error);
    return { rows: [], problem: { file, line, reason: `not a readable CSV: ${reason}` } };
  }
  const missing = REQUIRED_GENERAL_COMMENT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    return {
      rows: [],
      problem: {
        file,
        line: 1,
        reason: `missing columns ${missing.join(', ')} (the layout of tb_general_comments_paragraphs.csv: file, committee, symbol, short_name, adoption_year, paragraph_id, concerned_groups_labels, text)`,
      },
    };
  }
  return { rows: parsed.map(({ record, info }) => ({ file, line: info.lines, record })) };
}

const hash = (value: unknown) =>
  crypto.createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);

/** Checks every row and groups the good ones into comments; nothing is written here. */
function checkRows(csvFiles: readonly string[], dataset: string) {
  const rejections: GeneralCommentProblem[] = [];
  const warnings: GeneralCommentProblem[] = [];
  const comments = new Map<string, CommentDraft>();
  /** Canonical id -> the comment that took it, so two source documents are never one node. */
  const byId = new Map<string, CommentDraft>();
  let read = 0;
  let duplicates = 0;

  for (const csv of csvFiles) {
    const { rows, problem } = readCsv(csv);
    if (problem) rejections.push(problem);
    const info = readInfo(csv, warnings);
    const used = new Set<string>();

    for (const { file, line, record } of rows) {
      read++;
      const reject = (reason: string) => rejections.push({ file, line, reason });
      const source = str(record['file']) ?? '';
      const key = `${csv}\u0000${source || (record['short_name'] ?? '')}`;
      let draft = comments.get(key);
      if (!draft) {
        const made = makeComment(record, source, info.get(source), csv, line, dataset);
        if ('error' in made) {
          reject(made.error);
          continue;
        }
        const taken = byId.get(made.draft.id);
        if (taken) {
          reject(
            `${made.draft.id} is already given by ${str(taken.props['sourceFile']) ?? 'another document'} (line ${taken.line}${taken.csv === csv ? '' : ` of ${taken.csv}`}); its rows are not imported twice`,
          );
          continue;
        }
        draft = made.draft;
        comments.set(key, draft);
        byId.set(draft.id, draft);
        for (const reason of draft.warnings) warnings.push({ file, line, reason });
        if (source) used.add(source);
      }
      const text = (record['text'] ?? '').trim();
      if (!text) {
        reject('empty text');
        continue;
      }
      const numbered = paragraphNumber(record['paragraph_id'] ?? '', text);
      if (!numbered) {
        reject(`paragraph_id ${JSON.stringify(record['paragraph_id'])} is not a paragraph number`);
        continue;
      }
      let number = numbered.number;
      if (numbered.fromText) {
        warnings.push({
          file,
          line,
          reason: `no paragraph_id; number ${number} read from the start of the text`,
        });
      }
      const earlier = draft.paragraphs.get(number);
      if (earlier) {
        if (earlier.text === numbered.text) {
          duplicates++;
          warnings.push({
            file,
            line,
            reason: `repeats ${draft.id}#${number} of line ${earlier.line}; written once`,
          });
          continue;
        }
        // A number given twice with another text where the next number is missing is a typo in
        // the source (the CRC/CEDAW joint comment: 31, 31, 33): the second is the next paragraph.
        const next = number + 1;
        const nextUsedLater = rows.some(
          (r) =>
            r.line > line &&
            (str(r.record['file']) ?? '') === source &&
            paragraphNumber(r.record['paragraph_id'] ?? '', r.record['text'] ?? '')?.number ===
              next,
        );
        if (draft.paragraphs.has(next) || nextUsedLater) {
          reject(
            `${draft.id}#${number} is already on line ${earlier.line} with another text; not imported`,
          );
          continue;
        }
        warnings.push({
          file,
          line,
          reason: `paragraph ${number} again with another text, where ${next} is missing: taken as ${draft.id}#${next}`,
        });
        number = next;
      }
      draft.paragraphs.set(number, {
        line,
        text: numbered.text,
        groups: concernedGroups(record['concerned_groups_labels'] ?? ''),
        position: draft.paragraphs.size,
      });
    }

    // Documents the metadata lists that the CSV has no paragraphs of.
    for (const [source, entry] of info) {
      if (used.has(source)) continue;
      const bodies = (entry.committee ?? '').split(',').flatMap((c) => bodyCode(c) ?? []);
      const { parts } = resolveReferences({
        bodies,
        symbol: entry.signature ?? '',
        shortName: entry.simplifiedName ?? '',
        file: source,
      });
      const refs = parts.map((p) => reference(p.body, p.number));
      const same = [...byId.values()].find((d) => d.aliases.some((a) => refs.includes(a)));
      warnings.push({
        file: path.join(path.dirname(csv), GENERAL_COMMENTS_INFO_FILE),
        line: 0,
        reason: `${source} (${entry.signature ?? 'no symbol'}) has no paragraphs in ${path.basename(csv)}; not imported${same ? ` (${same.id} has the same reference: another version of it)` : ''}`,
      });
    }
  }
  return { comments: [...comments.values()], rejections, warnings, read, duplicates };
}

/** A comment from its first row and its metadata, or why it cannot be imported. */
function makeComment(
  record: Record<string, string>,
  source: string,
  info: InfoEntry | undefined,
  csv: string,
  line: number,
  dataset: string,
): { draft: CommentDraft } | { error: string } {
  const committees = (record['committee'] ?? '')
    .split(/[,/;]/)
    .map((c) => c.trim())
    .filter(Boolean);
  const bodies: GeneralCommentBody[] = [];
  for (const written of committees) {
    const body = bodyCode(written);
    if (!body) {
      return {
        error: `unknown committee ${JSON.stringify(written)} (known: CCPR, CESCR, CRC, CAT, CRPD, CMW, CED, CEDAW, CERD)`,
      };
    }
    if (!bodies.includes(body)) bodies.push(body);
  }
  if (!bodies.length) return { error: 'no committee' };
  const symbol = str(record['symbol']) ?? info?.signature;
  const shortName = str(record['short_name']) ?? info?.simplifiedName ?? '';
  const resolved = resolveReferences({ bodies, symbol: symbol ?? '', shortName, file: source });
  if (resolved.errors.length) return { error: resolved.errors.join('; ') };
  const warnings = [...resolved.warnings];
  const references = resolved.parts.map((p) => reference(p.body, p.number));
  const id = canonicalOf(references);
  const primary = resolved.parts[references.indexOf(id)]!;

  const title = info?.name ?? titleFromShortName(shortName);
  const written = (record['adoption_year'] ?? '').trim();
  let year: number | null = /^\d{4}$/.test(written) ? Number(written) : null;
  if (year === null) {
    if (written) warnings.push(`adoption_year ${JSON.stringify(written)} is not a year`);
    year = info?.adoptionYear ?? null;
  }
  const named = yearInTitle(title);
  if (named !== undefined && year !== null && named !== year) {
    warnings.push(`adoption_year says ${year}, the title "(${named})"; ${named} taken`);
    year = named;
  }
  const adoptionDate = info?.adoptionDate ? (isoDate(info.adoptionDate) ?? null) : null;
  if (info?.adoptionDate && !adoptionDate) {
    warnings.push(`adoption date ${JSON.stringify(info.adoptionDate)} is not a date; not kept`);
  }
  // Articles are only read from a single body's title: a joint one's does not say which treaty.
  const articles = bodies.length === 1 ? articlesInTitle(title, primary.body) : [];

  return {
    draft: {
      csv,
      line,
      id,
      aliases: [...references].sort(),
      bodies,
      articles,
      warnings: warnings.map((w) => `${id}: ${w}`),
      paragraphs: new Map(),
      props: {
        aliases: [...references].sort(),
        symbol: symbol ?? null,
        body: primary.body,
        bodies,
        number: primary.number,
        title,
        shortName: shortName || null,
        year,
        adoptionDate,
        language: 'en',
        dataset,
        sourceFile: source || null,
        url: info?.link ?? null,
        sortKey: `${primary.body}/${String(primary.number).padStart(4, '0')}`,
      },
    },
  };
}

/**
 * Imports general comments and recommendations from paragraph CSV files (columns `file`,
 * `committee`, `symbol`, `short_name`, `adoption_year`, `paragraph_id`,
 * `concerned_groups_labels`, `text`), with GC-info.json when it stands beside a CSV. Each comment
 * becomes a `GeneralComment` under its canonical reference (`CEDAW/GR/35`; a joint one under
 * the first of its references alphabetically, all of them in `aliases`), `BY` its bodies,
 * `INTERPRETS` the treaty articles its title names, with its `GeneralCommentParagraph`s.
 * @throws InvalidInputError when no file is given
 * @example await importGeneralComments(ctx, ['tb_general_comments_paragraphs.csv'], { dryRun: true })
 */
export async function importGeneralComments(
  ctx: DbContext,
  files: readonly string[],
  options: GeneralCommentImportOptions = {},
): Promise<GeneralCommentImportResult> {
  if (files.length === 0) throw new InvalidInputError('no general-comments file given', 'files');
  const dryRun = options.dryRun ?? false;
  const checked = checkRows(files, options.dataset ?? GENERAL_COMMENTS_DATASET);

  const commentWrites: CommentWrite[] = [];
  const paragraphWrites: ParagraphWrite[] = [];
  for (const draft of checked.comments) {
    if (draft.paragraphs.size === 0) continue;
    const props = {
      ...draft.props,
      paragraphCount: draft.paragraphs.size,
      importWarnings: draft.warnings.length ? draft.warnings : null,
    };
    commentWrites.push({
      id: draft.id,
      bodies: draft.bodies,
      articles: draft.articles,
      articleSource: 'title',
      props: { ...props, contentHash: hash([props, draft.articles]) },
    });
    for (const [number, p] of draft.paragraphs) {
      const pProps = {
        generalComment: draft.id,
        number,
        text: p.text,
        concernedGroups: p.groups.length ? p.groups : null,
        position: p.position,
        dataset: draft.props['dataset'],
      };
      paragraphWrites.push({
        id: `${draft.id}#${number}`,
        generalComment: draft.id,
        props: { ...pProps, contentHash: hash(pProps) },
      });
    }
  }

  const stored = await ctx.db.transaction((tx) =>
    repository.findStoredHashes(
      tx,
      commentWrites.map((c) => c.id),
    ),
  );
  const commentHash = new Map(stored.map((s) => [s.id, s.hash]));
  const paragraphHash = new Map(
    stored.flatMap((s) => s.paragraphs.map((p) => [p.id, p.hash] as const)),
  );
  const classify = (had: boolean, before: string | null | undefined, now: unknown) =>
    !had ? 'created' : before === now ? 'unchanged' : 'updated';

  const comments: GeneralCommentCounts = { created: 0, updated: 0, unchanged: 0 };
  const changedComments = commentWrites.filter((c) => {
    const outcome = classify(
      commentHash.get(c.id) != null,
      commentHash.get(c.id),
      c.props['contentHash'],
    );
    comments[outcome]++;
    return outcome !== 'unchanged';
  });
  const paragraphs: GeneralCommentCounts = { created: 0, updated: 0, unchanged: 0 };
  const changedParagraphs = paragraphWrites.filter((p) => {
    const outcome = classify(
      paragraphHash.has(p.id),
      paragraphHash.get(p.id),
      p.props['contentHash'],
    );
    paragraphs[outcome]++;
    return outcome !== 'unchanged';
  });
  const keep = new Set(paragraphWrites.map((p) => p.id));
  const stale = stored.flatMap((s) => s.paragraphs.filter((p) => !keep.has(p.id)));

  let removed = stale.length;
  if (!dryRun) {
    if (changedComments.length) {
      await ctx.db.transaction((tx) => repository.writeComments(tx, changedComments));
    }
    for (let i = 0; i < changedParagraphs.length; i += GENERAL_COMMENT_BATCH) {
      const batch = changedParagraphs.slice(i, i + GENERAL_COMMENT_BATCH);
      await ctx.db.transaction((tx) => repository.writeParagraphs(tx, batch));
    }
    if (stale.length) {
      const byComment = new Map<string, string[]>();
      for (const p of paragraphWrites) {
        byComment.set(p.generalComment, [...(byComment.get(p.generalComment) ?? []), p.id]);
      }
      removed = await ctx.db.transaction((tx) =>
        repository.removeOtherParagraphs(
          tx,
          [...byComment].map(([id, ids]) => ({ id, keep: ids })),
        ),
      );
    }
  }

  // Recommendations citing a comment just imported now point at it.
  const citationsResolved = dryRun ? 0 : await resolvePendingCitations(ctx);
  return {
    citationsResolved,
    read: checked.read,
    ...paragraphs,
    rejected: checked.rejections.length,
    duplicates: checked.duplicates,
    removed,
    comments,
    rejections: checked.rejections,
    warnings: checked.warnings,
    written: !dryRun,
  };
}
