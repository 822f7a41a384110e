/** Removing site furniture: paragraphs a source repeats across many of its articles. */
import type { ArticleRecord } from "../record.js";
import { paragraphHashes } from "./paragraph-key.js";

/** A paragraph is furniture when at least this many articles of one source carry it… */
export const FURNITURE_MIN_ARTICLES = 3;
/** …and at least this share of that source's articles. */
export const FURNITURE_MIN_SHARE = 0.1;

/**
 * Remove from every body the paragraphs its source repeats across many articles (a newsletter
 * call, a copyright line, a "follow us" block a scraper kept), in place, recording each in
 * `removed` with the reason `furniture`. Articles are grouped by publisher (or by input folder
 * when the publisher is unknown); copies marked `duplicateOf` are not counted, so a story
 * published twice does not turn its own paragraphs into furniture.
 *
 * @param records All records of the archive.
 * @param hashes Each record's {@link paragraphHashes}, when already made (from the body as
 *   parsed, before this stage removes anything).
 * @returns How many paragraphs were removed.
 */
export function removeFurniture(records: readonly ArticleRecord[], hashes: readonly Float64Array[] = records.map((r) => paragraphHashes(r.body))): number {
  const bySource = new Map<string, { record: ArticleRecord; hashes: Float64Array }[]>();
  records.forEach((record, i) => {
    const key = sourceKey(record);
    const item = { record, hashes: hashes[i]! };
    const group = bySource.get(key);
    if (group) group.push(item);
    else bySource.set(key, [item]);
  });
  let removed = 0;
  for (const group of bySource.values()) {
    const counted = group.filter((item) => item.record.duplicateOf === undefined);
    const needed = Math.max(FURNITURE_MIN_ARTICLES, Math.ceil(FURNITURE_MIN_SHARE * counted.length));
    if (counted.length < needed) continue;
    const seenIn = new Map<number, number>();
    for (const item of counted) {
      for (const key of new Set(item.hashes)) if (key !== 0) seenIn.set(key, (seenIn.get(key) ?? 0) + 1);
    }
    const furniture = new Set<number>();
    for (const [key, n] of seenIn) if (n >= needed) furniture.add(key);
    if (furniture.size === 0) continue;
    for (const { record, hashes: keys } of group) {
      if (keys.length !== record.body.length) throw new Error(`furniture: ${record.source} has ${record.body.length} blocks but ${keys.length} paragraph hashes`);
      const drop = record.body.map((_, i) => furniture.has(keys[i]!));
      const dropped = drop.filter(Boolean).length;
      if (dropped === 0 || dropped === record.body.length) continue;
      record.removed = [...record.removed, ...record.body.filter((_, i) => drop[i]).map((b) => ({ text: b.text, reason: "furniture" }))];
      removed += dropped;
      record.body = record.body.filter((_, i) => !drop[i]);
    }
  }
  return removed;
}

function sourceKey(record: ArticleRecord): string {
  if (record.publisher) return `publisher:${record.publisher.toLowerCase()}`;
  const slash = record.source.lastIndexOf("/");
  return `folder:${slash < 0 ? "" : record.source.slice(0, slash)}`;
}
