/** Removing paragraphs an article repeats (a body pasted twice, repeated lines). */
import type { ArticleRecord } from "../record.js";
import { paragraphKey } from "./paragraph-key.js";

/**
 * Drop every body block whose text already appeared earlier in the same article (compared
 * with case, punctuation and spacing folded: `paragraphKey`). Dropped blocks are recorded in
 * `removed`.
 *
 * @param record The record to clean, changed in place.
 * @returns The comparison key of each block kept, in order: what the furniture stage hashes,
 *   so that it is not made twice.
 */
export function removeRepeatedParagraphs(record: ArticleRecord): string[] {
  const seen = new Set<string>();
  const kept = [];
  const keys: string[] = [];
  let dropped = 0;
  for (const block of record.body) {
    const key = paragraphKey(block.text);
    if (key.length > 0 && seen.has(key)) {
      record.removed.push({ text: block.text, reason: "duplicate" });
      dropped++;
      continue;
    }
    seen.add(key);
    kept.push(block);
    keys.push(key);
  }
  record.body = kept;
  if (dropped > 0 && dropped >= kept.length / 2) {
    record.warnings.push(`the body was repeated: ${dropped} duplicate paragraph${dropped === 1 ? "" : "s"} removed`);
  }
  return keys;
}
