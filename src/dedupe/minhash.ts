/**
 * MinHash signatures by one-permutation hashing with densification by rotation (Li, Owen and
 * Zhang 2012; Shrivastava and Li 2014): one hash per shingle instead of one per shingle and
 * permutation, so signing stays linear in the text, and banded LSH over the signatures.
 */
import { mix32 } from "./shingles.js";

/** Signature length: LSH bands × rows. */
export const SIGNATURE_SIZE = 120;
/** LSH bands. */
export const BANDS = 20;
/** Signature slots per band. */
export const ROWS = SIGNATURE_SIZE / BANDS;

const EMPTY = 0xffffffff;

/**
 * MinHash signature of a set of shingle hashes. Each shingle falls into one of
 * {@link SIGNATURE_SIZE} bins, each bin keeps its smallest value, and empty bins borrow the
 * value of the next non-empty bin (with an offset), so two sets agree on a slot with a
 * probability equal to their Jaccard similarity.
 *
 * @param shingles Distinct shingle hashes (at least one).
 * @returns The signature.
 */
export function minhashSignature(shingles: Uint32Array): Uint32Array {
  const bins = new Uint32Array(SIGNATURE_SIZE).fill(EMPTY);
  for (const shingle of shingles) {
    const bin = shingle % SIGNATURE_SIZE;
    const value = mix32(shingle ^ 0x9e3779b9);
    if (value < bins[bin]!) bins[bin] = value;
  }
  const signature = new Uint32Array(SIGNATURE_SIZE);
  for (let i = 0; i < SIGNATURE_SIZE; i++) {
    let j = i;
    let hops = 0;
    while (bins[j] === EMPTY && hops < SIGNATURE_SIZE) {
      j = (j + 1) % SIGNATURE_SIZE;
      hops++;
    }
    signature[i] = hops === SIGNATURE_SIZE ? EMPTY : mix32(bins[j]! + hops * 0x27d4eb2d);
  }
  return signature;
}

/**
 * Pairs of items whose signatures agree on all rows of at least one band: the LSH candidates.
 * With 20 bands of 6 rows, a pair with Jaccard similarity 0.8 becomes a candidate with
 * probability 1 − (1 − 0.8⁶)²⁰ ≈ 0.998, a pair at 0.3 with probability ≈ 0.015. Per band, the
 * items are sorted by a hash of the band's rows, so that items with the same rows stand side by
 * side: a sort of numbers, about twice as quick as gathering them in a map of buckets.
 *
 * @param signatures One signature per item.
 * @returns Candidate pairs `[i, j]` with i < j, each once, in ascending order.
 */
export function candidatePairs(signatures: readonly Uint32Array[]): [number, number][] {
  const pairs = new Set<number>();
  const n = signatures.length;
  const keys = new Uint32Array(n);
  for (let band = 0; band < BANDS; band++) {
    const from = band * ROWS;
    for (let i = 0; i < n; i++) {
      const rows = signatures[i]!;
      let key = 0;
      for (let r = from; r < from + ROWS; r++) key = mix32(Math.imul(key, 0x01000193) ^ rows[r]!);
      keys[i] = key;
    }
    const order = byKey(keys);
    // A run of one key: items with the same rows, unless different rows hashed alike.
    for (let start = 0; start < n; ) {
      let end = start + 1;
      while (end < n && keys[order[end]!] === keys[order[start]!]) end++;
      for (let a = start; a < end; a++) {
        const i = order[a]!;
        for (let b = a + 1; b < end; b++) {
          const j = order[b]!;
          if (sameRows(signatures[i]!, signatures[j]!, from)) pairs.add(i * n + j);
        }
      }
      start = end;
    }
  }
  return [...pairs].sort((x, y) => x - y).map((p) => [Math.floor(p / n), p % n]);
}

/** Most items {@link byKey} sorts as packed numbers: key × count + index stays an exact double. */
const PACKED_MAX = 2 ** 21;

/** Item indexes ordered by key, then by index. */
function byKey(keys: Uint32Array): ArrayLike<number> {
  const n = keys.length;
  if (n > PACKED_MAX) return Array.from(keys.keys()).sort((a, b) => keys[a]! - keys[b]! || a - b);
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = keys[i]! * n + i;
  packed.sort();
  const order = new Uint32Array(n);
  for (let k = 0; k < n; k++) order[k] = packed[k]! % n;
  return order;
}

function sameRows(a: Uint32Array, b: Uint32Array, from: number): boolean {
  for (let r = from; r < from + ROWS; r++) if (a[r] !== b[r]) return false;
  return true;
}
