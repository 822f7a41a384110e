/** Removing paragraphs an article repeats (a body pasted twice, repeated lines). */
import type { ArticleRecord } from "../record.js";
import { foldLine } from "../parse/headline.js";

/**
 * Drop every body block whose text already appeared earlier in the same article (compared
 * with case, punctuation and spacing folded). Dropped blocks are recorded in `removed`.
 *
 * @param record The record to clean, changed in place.
 * @returns The same record.
 */
export function dedupeParagraphs(record: ArticleRecord): ArticleRecord {
  const seen = new Set<string>();
  const kept = [];
  let dropped = 0;
  for (const block of record.body) {
    const key = foldLine(block.text);
    if (key.length > 0 && seen.has(key)) {
      record.removed.push({ text: block.text, reason: "duplicate" });
      dropped++;
      continue;
    }
    seen.add(key);
    kept.push(block);
  }
  record.body = kept;
  if (dropped > 0 && dropped >= kept.length / 2) {
    record.warnings.push(`the body was repeated: ${dropped} duplicate paragraph${dropped === 1 ? "" : "s"} removed`);
  }
  return record;
}
