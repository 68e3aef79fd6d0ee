/**
 * Reads a document file into lines for segment.ts: plain text and Markdown as they are; Word
 * (.docx) through mammoth, with headings as Markdown headings, each paragraph its own block and
 * automatically numbered paragraphs written out with their numbers ("1.", counted on across
 * headings as Word does; "(a)" for the level below), footnotes left out, since committees
 * receive concluding observations as Word files. See docs/documents.md.
 */
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { Parser } from 'htmlparser2';
import { InvalidInputError } from '../../../core/errors.ts';

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown', '.docx'] as const;

/** The lines of a document file. @throws InvalidInputError for an unreadable or unknown file */
export async function readDocumentLines(file: string): Promise<string[]> {
  const extension = path.extname(file).toLowerCase();
  if (extension === '.docx') return readWordLines(file);
  if (extension === '.doc' || extension === '.pdf' || extension === '.odt') {
    throw new InvalidInputError(
      `${file}: ${extension} files are not read; save it as .docx (Word) or plain text first`,
    );
  }
  const bytes = fs.readFileSync(file);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (text.includes('\u0000')) {
    throw new InvalidInputError(
      `${file}: not a text file (a binary file? Word files must be .docx)`,
    );
  }
  return text.replace(/^\uFEFF/u, '').split(/\r\n|\r|\n/u);
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Word through mammoth's HTML: headings, paragraphs and list items become Markdown-like lines. */
async function readWordLines(file: string): Promise<string[]> {
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ path: file }));
  } catch (error) {
    throw new InvalidInputError(
      `${file}: cannot read this Word file (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  const lines: string[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  // Word numbers a document's paragraphs on, across headings; mammoth starts a new list after
  // each heading, so the outermost count runs over the whole document.
  let paragraphNumber = 0;
  let text = '';
  let prefix = '';
  let bold = 0;
  // Footnote markers ("[1]" in <sup>) and the footnotes mammoth lists at the end are left out.
  let skipping = 0;
  const flush = () => {
    const content = text.replace(/\s+/gu, ' ').trim();
    text = '';
    // A list item's number waits for its text (mammoth may wrap it in a paragraph).
    if (!content) return;
    lines.push(`${prefix}${content}`, '');
    prefix = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (
          skipping ||
          name === 'sup' ||
          (name === 'li' && /^(?:foot|end)note-/u.test(attributes['id'] ?? ''))
        ) {
          skipping++;
          return;
        }
        if (/^h[1-6]$/u.test(name)) {
          flush();
          prefix = `${'#'.repeat(Number(name[1]))} `;
        } else if (name === 'p') {
          flush();
        } else if (name === 'ol' || name === 'ul') {
          flush();
          lists.push({ ordered: name === 'ol', count: 0 });
        } else if (name === 'li') {
          flush();
          const list = lists.at(-1);
          if (list) {
            list.count++;
            const depth = lists.length;
            if (!list.ordered) prefix = '';
            else if (depth === 1) prefix = `${++paragraphNumber}. `;
            else prefix = `(${LETTERS[(list.count - 1) % 26]}) `;
          }
        } else if (name === 'strong') {
          bold++;
          text += '**';
        } else if (name === 'br') {
          text += ' ';
        }
      },
      ontext(data) {
        if (!skipping) text += data;
      },
      onclosetag(name) {
        if (skipping) {
          skipping--;
          return;
        }
        if (name === 'strong' && bold > 0) {
          bold--;
          text += '**';
        } else if (/^h[1-6]$/u.test(name) || name === 'p' || name === 'li') {
          flush();
        } else if (name === 'ol' || name === 'ul') {
          flush();
          lists.pop();
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return lines;
}
