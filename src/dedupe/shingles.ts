/** Word shingles of an article body, hashed to 32-bit integers. */
import type { ArticleRecord } from "../record.js";
import { wordEnd, wordStart } from "./word-chars.js";

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
  const text = record.body
    .map((b) => b.text)
    .join(" ")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "");
  let words = 0;
  for (let start = wordStart(text, 0); start < text.length; start = wordStart(text, start)) {
    const end = wordEnd(text, start);
    // FNV-1a over the word's UTF-16 code units, as hashString does, without cutting it out.
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    start = end;
    if (words === wordHashes.length) {
      const grown = new Uint32Array(wordHashes.length * 2);
      grown.set(wordHashes);
      wordHashes = grown;
    }
    wordHashes[words++] = mix32(h);
  }
  const last = Math.min(words, Math.max(1, words - SHINGLE_WORDS + 1));
  const hashes = new Uint32Array(last);
  for (let i = 0; i < last; i++) {
    let h = 0;
    for (let k = i; k < i + SHINGLE_WORDS && k < words; k++) h = Math.imul(h ^ wordHashes[k]!, 0x01000193) + k - i;
    hashes[i] = mix32(h);
  }
  hashes.sort();
  let distinct = 0;
  for (let i = 0; i < last; i++) if (i === 0 || hashes[i] !== hashes[i - 1]) hashes[distinct++] = hashes[i]!;
  return hashes.slice(0, distinct);
}

/** Word hashes of the body being shingled, reused from one body to the next. */
let wordHashes = new Uint32Array(1024);

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
