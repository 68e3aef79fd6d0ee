/**
 * Where the CLI's exports go: a file named by `--out`, or standard output.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * Writes `source` to `out`, or to standard output when there is none. A file is written beside
 * its target (`<out>.partial`) and renamed once complete, so a failed or interrupted export never
 * leaves half a file under the target's name; on failure the partial file is removed and the
 * error (e.g. ENOENT for a missing directory) is thrown to the caller.
 */
export async function writeOutput(
  out: string | undefined,
  source: Readable | Iterable<string | Buffer> | AsyncIterable<string | Buffer>,
): Promise<void> {
  const readable = source instanceof Readable ? source : Readable.from(source);
  if (!out) {
    await pipeline(readable, process.stdout, { end: false });
    return;
  }
  const partial = `${out}.partial`;
  const file = fs.createWriteStream(partial);
  try {
    await pipeline(readable, file);
    fs.renameSync(partial, out);
  } catch (error) {
    // A source that fails at once can do so while the file is still being opened: the stream
    // creates it afterwards, so it is removed only once the stream has closed.
    if (!file.closed) await new Promise<void>((resolve) => file.once('close', () => resolve()));
    fs.rmSync(partial, { force: true });
    // A file-system failure names the target the user gave, not the partial file.
    const { code, syscall } = error as NodeJS.ErrnoException;
    if (syscall) throw new Error(`cannot write ${out}: ${code ?? syscall}`, { cause: error });
    throw error;
  }
}
