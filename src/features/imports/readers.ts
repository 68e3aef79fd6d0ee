/**
 * Streaming readers: files are read a chunk at a time, so memory stays bounded whatever their size.
 * Each yields rows with the (1-based) line they end on; rows the reader itself cannot make sense of
 * (unbalanced quotes, broken encoding) come out as rejections in their place.
 */
import fs from 'node:fs';
import readline from 'node:readline';
import { Transform } from 'node:stream';
import { parse, type CsvError } from 'csv-parse';

export type RawRow<T> = { line: number; value: T } | { line: number; reason: string };

/** Updated by the readers as they go: how many bytes of the file have been read. */
export interface ReadPosition {
  bytesRead: number;
}

/** U+FFFD is what decoding puts where bytes were not valid UTF-8. */
const INVALID_UTF8 = '\uFFFD';

/** Encodings a file may be read in: UTF-8, or MacRoman (legacy UPR Info and Mac Excel exports). */
export const ENCODINGS = ['utf8', 'macroman'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const INVALID_UTF8_REASON =
  'invalid UTF-8 (if the whole file is MacRoman, as old UPR Info exports are, pass --encoding macroman)';

/** The file's bytes as a stream that keeps `position.bytesRead` up to date (for progress). */
export function trackedStream(file: string, position: ReadPosition): fs.ReadStream {
  const input = fs.createReadStream(file);
  input.on('data', () => (position.bytesRead = input.bytesRead));
  return input;
}

/** The file as a stream of text in the given encoding (MacRoman decoded chunk by chunk). */
function textStream(file: string, encoding: Encoding, position: ReadPosition) {
  const input = trackedStream(file, position);
  if (encoding === 'utf8') return input;
  const decoder = new TextDecoder('macintosh');
  return input.pipe(
    new Transform({
      transform(chunk: Buffer, _encoding, done) {
        done(null, decoder.decode(chunk, { stream: true }));
      },
      flush(done) {
        done(null, decoder.decode());
      },
    }),
  );
}

/** Lines of a UTF-8 text file, skipping blank ones. */
export async function* readLines(
  file: string,
  position: ReadPosition = { bytesRead: 0 },
): AsyncGenerator<RawRow<string>> {
  const input = fs.createReadStream(file, { encoding: 'utf8' });
  input.on('data', () => (position.bytesRead = input.bytesRead));
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (!text.trim()) continue;
    if (text.includes(INVALID_UTF8)) yield { line, reason: 'invalid UTF-8' };
    else yield { line, value: text };
  }
}

/**
 * Records of a CSV file with a header row, as column -> value. Rows with the wrong number of
 * columns or broken quoting are rejected, not fatal.
 */
export async function* readCsv(
  file: string,
  position: ReadPosition = { bytesRead: 0 },
  encoding: Encoding = 'utf8',
): AsyncGenerator<RawRow<Record<string, string>>> {
  const skipped: { line: number; reason: string }[] = [];
  const parser = textStream(file, encoding, position).pipe(
    parse({
      columns: true,
      bom: true,
      skip_empty_lines: true,
      info: true,
      relax_column_count: false,
      skip_records_with_error: true,
    }),
  );
  parser.on('skip', (error: CsvError & { lines?: number }) => {
    skipped.push({ line: error.lines ?? 0, reason: csvReason(error) });
  });
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    while (skipped.length) yield skipped.shift()!;
    if (Object.values(record).some((value) => value.includes(INVALID_UTF8))) {
      yield { line: info.lines, reason: INVALID_UTF8_REASON };
    } else {
      yield { line: info.lines, value: record };
    }
  }
  while (skipped.length) yield skipped.shift()!;
}

function csvReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'wrong number of columns';
    case 'CSV_QUOTE_NOT_CLOSED':
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'unbalanced quotes';
    default:
      return error.message;
  }
}

/** The first bytes of a file as text, for format detection. */
export function head(file: string, bytes = 8192): string {
  const fd = fs.openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer
      .subarray(0, read)
      .toString('utf8')
      .replace(/^\uFEFF/u, '');
  } finally {
    fs.closeSync(fd);
  }
}
