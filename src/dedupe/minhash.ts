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
 * probability 1 − (1 − 0.8⁶)²⁰ ≈ 0.998, a pair at 0.3 with probability ≈ 0.015.
 *
 * @param signatures One signature per item.
 * @returns Candidate pairs `[i, j]` with i < j, each once, in ascending order.
 */
export function candidatePairs(signatures: readonly Uint32Array[]): [number, number][] {
  const pairs = new Set<number>();
  const n = signatures.length;
  for (let band = 0; band < BANDS; band++) {
    const from = band * ROWS;
    // Buckets under a hash of the band's rows; on a collision of different rows, the next free key.
    const buckets = new Map<number, number[]>();
    for (let i = 0; i < n; i++) {
      const rows = signatures[i]!;
      let key = 0;
      for (let r = from; r < from + ROWS; r++) key = mix32(Math.imul(key, 0x01000193) ^ rows[r]!);
      for (;;) {
        const bucket = buckets.get(key);
        if (bucket === undefined) {
          buckets.set(key, [i]);
          break;
        }
        if (sameRows(signatures[bucket[0]!]!, rows, from)) {
          bucket.push(i);
          break;
        }
        key = (key + 1) >>> 0;
      }
    }
    for (const bucket of buckets.values()) {
      for (let a = 0; a < bucket.length; a++) for (let b = a + 1; b < bucket.length; b++) pairs.add(bucket[a]! * n + bucket[b]!);
    }
  }
  return [...pairs].sort((x, y) => x - y).map((p) => [Math.floor(p / n), p % n]);
}

function sameRows(a: Uint32Array, b: Uint32Array, from: number): boolean {
  for (let r = from; r < from + ROWS; r++) if (a[r] !== b[r]) return false;
  return true;
}
