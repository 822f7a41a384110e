/** Word shingles of an article body, hashed to 32-bit integers. */
import type { ArticleRecord } from "../record.js";

/** Words per shingle. Five words make a shared shingle unlikely between different stories. */
export const SHINGLE_WORDS = 5;

/**
 * The distinct hashed word 5-shingles of a record's body (case, punctuation and spacing folded).
 * A body shorter than five words gives one shingle of all its words; an empty body gives none.
 *
 * @param record The article.
 * @returns Sorted distinct shingle hashes.
 */
export function bodyShingles(record: Pick<ArticleRecord, "body">): Uint32Array {
  const words = record.body
    .map((b) => b.text)
    .join(" ")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const wordHashes = words.map(hashString);
  const hashes = new Set<number>();
  const last = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let i = 0; i < last && i < words.length; i++) {
    let h = 0;
    for (let k = i; k < i + SHINGLE_WORDS && k < words.length; k++) h = Math.imul(h ^ wordHashes[k]!, 0x01000193) + k - i;
    hashes.add(mix32(h));
  }
  return Uint32Array.from(hashes).sort();
}

/**
 * Exact Jaccard similarity of two sorted hash sets.
 *
 * @param a Sorted distinct hashes.
 * @param b Sorted distinct hashes.
 * @returns |a ∩ b| / |a ∪ b|, 0 when both are empty.
 */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let shared = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units, finished with a murmur3 mix.
 *
 * @param text Any string.
 * @returns An unsigned 32-bit integer.
 */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return mix32(h);
}

/**
 * murmur3's 32-bit finaliser: spreads every input bit over the whole word.
 *
 * @param value A 32-bit integer.
 * @returns An unsigned 32-bit integer.
 */
export function mix32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
