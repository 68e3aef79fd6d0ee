/**
 * Vectors kept on disk by content key (embeddingKey), one append-only file per model, so a text
 * is embedded once per machine: a fresh store (the tests', a re-created demo, an evaluation's)
 * gets the vectors of texts seen before without running the model again. Records are fixed-size
 * (key bytes, then the float32 vector), each batch appended in one write; a torn last record
 * (a crash mid-write) is ignored on load. Deleting the file only costs time.
 */
import fs from 'node:fs';
import path from 'node:path';

const KEY_BYTES = 20; // sha1

export class VectorCache {
  private readonly vectors = new Map<string, Float32Array>();
  private loaded = false;

  constructor(
    readonly file: string,
    private readonly dimensions: number,
  ) {}

  get size(): number {
    this.load();
    return this.vectors.size;
  }

  get(key: string): Float32Array | undefined {
    this.load();
    return this.vectors.get(key);
  }

  /** Adds vectors (already-known keys are skipped) and appends them to the file. */
  put(entries: readonly (readonly [key: string, vector: Float32Array])[]): void {
    this.load();
    const fresh = entries.filter(([key]) => !this.vectors.has(key));
    if (fresh.length === 0) return;
    const record = KEY_BYTES + this.dimensions * 4;
    const buffer = Buffer.alloc(fresh.length * record);
    fresh.forEach(([key, vector], n) => {
      const at = n * record;
      Buffer.from(key, 'base64url').copy(buffer, at, 0, KEY_BYTES);
      Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength).copy(buffer, at + KEY_BYTES);
      this.vectors.set(key, Float32Array.from(vector));
    });
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.appendFileSync(this.file, buffer);
    } catch {
      // A read-only or full disk costs only recomputation later; the vectors are in the graph.
    }
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    let data: Buffer;
    try {
      data = fs.readFileSync(this.file);
    } catch {
      return;
    }
    const record = KEY_BYTES + this.dimensions * 4;
    for (let at = 0; at + record <= data.length; at += record) {
      const key = data.subarray(at, at + KEY_BYTES).toString('base64url');
      const vector = new Float32Array(this.dimensions);
      Buffer.from(vector.buffer).set(data.subarray(at + KEY_BYTES, at + record));
      this.vectors.set(key, vector);
    }
  }
}
