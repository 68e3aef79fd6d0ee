/**
 * A client's text search as a Lucene query that always parses (docs/api.md#text-search). The
 * syntax people use is kept: words, "phrases", prefix*, AND / OR / NOT, +required and -excluded
 * words, (groups). Everything else Lucene would read as syntax is taken as text: a word holding
 * such characters ("A/HRC/28/15", "and/or", "24(b)", "title:x") becomes a phrase of its parts, an
 * unbalanced quote or parenthesis is dropped, and so is an operator with nothing to join.
 */

type Token =
  | { readonly kind: 'open'; readonly modifier: string }
  | { readonly kind: 'close' }
  | { readonly kind: 'op'; readonly op: 'AND' | 'OR' | 'NOT' }
  | { readonly kind: 'clause'; readonly text: string };

/** Characters the classic Lucene query parser reads as syntax. */
const SYNTAX = /[+\-&|!(){}[\]^"~*?:\\/]/u;
const OPERATORS: Readonly<Record<string, 'AND' | 'OR' | 'NOT'>> = {
  AND: 'AND',
  OR: 'OR',
  NOT: 'NOT',
  '&&': 'AND',
  '||': 'OR',
};
/** Something an analyzer could index: without a letter or digit a clause can match nothing. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

const phrase = (text: string) => `"${text.replace(/[\\"]/gu, '\\$&')}"`;

/** A bare word as a clause: as it is, as a prefix query, or as a phrase of its parts. */
function wordClause(word: string): string | null {
  if (!SEARCHABLE.test(word)) return null;
  // An operator's word after + or - ("-AND") is a word, which Lucene reads only as a phrase.
  if (!SYNTAX.test(word) && !(word in OPERATORS)) return word;
  const stem = word.replace(/\*+$/u, '');
  if (stem !== word && !SYNTAX.test(stem)) return `${stem}*`;
  return phrase(word);
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    // +word, -word, -"phrase", -(group): a modifier only when something follows it directly.
    let modifier = '';
    if ((ch === '+' || ch === '-') && i + 1 < input.length && !/[\s+-]/u.test(input[i + 1]!)) {
      modifier = ch;
      i++;
    }
    const next = input[i]!;
    if (next === '(') {
      tokens.push({ kind: 'open', modifier });
      i++;
      continue;
    }
    if (next === ')') {
      tokens.push({ kind: 'close' });
      i++;
      continue;
    }
    if (next === '"') {
      const end = input.indexOf('"', i + 1);
      if (end === -1) {
        i++; // an unbalanced quote: dropped
        continue;
      }
      const content = input.slice(i + 1, end);
      if (SEARCHABLE.test(content))
        tokens.push({ kind: 'clause', text: modifier + phrase(content) });
      i = end + 1;
      continue;
    }
    let end = i;
    while (end < input.length && !/[\s"]/u.test(input[end]!)) end++;
    let word = input.slice(i, end);
    i = end;
    // "Sinti)" closes a group; "24(b)" keeps its parenthesis (a phrase of 24 and b).
    let closes = 0;
    while (word.endsWith(')') && !/\([^)]*\)$/u.test(word)) {
      word = word.slice(0, -1);
      closes++;
    }
    const op = modifier ? undefined : OPERATORS[word];
    if (op) tokens.push({ kind: 'op', op });
    else {
      const clause = wordClause(word);
      if (clause) tokens.push({ kind: 'clause', text: modifier + clause });
    }
    for (let c = 0; c < closes; c++) tokens.push({ kind: 'close' });
  }
  return tokens;
}

/** Clauses and operators up to the matching close (or the end), with dangling operators dropped. */
function parse(
  tokens: readonly Token[],
  start: number,
  depth: number,
): { parts: string[]; next: number } {
  const parts: string[] = [];
  const isOp = (part: string | undefined) => part === 'AND' || part === 'OR' || part === 'NOT';
  let i = start;
  while (i < tokens.length) {
    const token = tokens[i++]!;
    if (token.kind === 'close') {
      if (depth > 0) break;
      continue; // a close with no open: dropped
    }
    if (token.kind === 'open') {
      const group = parse(tokens, i, depth + 1);
      i = group.next;
      // Lucene refuses a + or - right after an operator ("NOT -(a b)"): the operator decides.
      const modifier = isOp(parts.at(-1)) ? '' : token.modifier;
      if (group.parts.length) parts.push(`${modifier}(${group.parts.join(' ')})`);
      continue;
    }
    if (token.kind === 'op') {
      const last = parts.at(-1);
      // AND/OR join two clauses; NOT may start a clause (also after AND/OR), but not twice.
      if (token.op === 'NOT' ? last !== 'NOT' : last !== undefined && !isOp(last)) {
        parts.push(token.op);
      }
      continue;
    }
    parts.push(isOp(parts.at(-1)) ? token.text.replace(/^[+-]/u, '') : token.text);
  }
  while (isOp(parts.at(-1))) parts.pop();
  return { parts, next: i };
}

/**
 * The Lucene query for a client's text search; '' when nothing in it can be searched for.
 * @example toLuceneQuery('A/HRC/28/15 and/or "roma') // '"A/HRC/28/15" "and/or" roma'
 * @example toLuceneQuery('(Roma OR Sinti) AND educat*') // '(Roma OR Sinti) AND educat*'
 */
export function toLuceneQuery(input: string): string {
  // Composed, as the imports store texts: "é" typed as e and U+0301 still finds "é".
  return parse(tokenize(input.normalize('NFC')), 0, 0).parts.join(' ');
}
