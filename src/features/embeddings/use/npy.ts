/** Reads NumPy `.npy` arrays (little-endian float32, float64 or uint8; C order), as the USE weights ship. */
import fs from 'node:fs';

export interface NpyArray {
  readonly shape: readonly number[];
  readonly data: Float32Array | Float64Array | Uint8Array;
}

export function readNpy(file: string): NpyArray {
  const buf = fs.readFileSync(file);
  if (buf.readUInt8(0) !== 0x93 || buf.toString('latin1', 1, 6) !== 'NUMPY') {
    throw new Error(`${file}: not a .npy file`);
  }
  const major = buf.readUInt8(6);
  const headerLength = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.toString('latin1', start, start + headerLength);
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1] ?? '';
  if (/'fortran_order':\s*True/.test(header)) throw new Error(`${file}: Fortran order`);
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const count = shape.reduce((n, d) => n * d, 1);
  const offset = start + headerLength;
  // Copied into an aligned buffer: typed arrays need their element alignment.
  const bytes = buf.subarray(offset);
  switch (descr) {
    case '<f4':
      return { shape, data: new Float32Array(new Uint8Array(bytes).buffer, 0, count) };
    case '<f8':
      return { shape, data: new Float64Array(new Uint8Array(bytes).buffer, 0, count) };
    case '|u1':
      return { shape, data: new Uint8Array(bytes.buffer, bytes.byteOffset, count) };
    default:
      throw new Error(`${file}: unsupported dtype ${descr}`);
  }
}
