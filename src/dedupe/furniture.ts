/** Removing site furniture: paragraphs a source repeats across many of its articles. */
import type { ArticleRecord } from "../record.js";
import { paragraphKey } from "./paragraph-key.js";

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
 * @returns How many paragraphs were removed.
 */
export function removeFurniture(records: readonly ArticleRecord[]): number {
  const bySource = new Map<string, ArticleRecord[]>();
  for (const record of records) {
    const key = sourceKey(record);
    const group = bySource.get(key);
    if (group) group.push(record);
    else bySource.set(key, [record]);
  }
  let removed = 0;
  for (const group of bySource.values()) {
    const counted = group.filter((r) => r.duplicateOf === undefined);
    const needed = Math.max(FURNITURE_MIN_ARTICLES, Math.ceil(FURNITURE_MIN_SHARE * counted.length));
    if (counted.length < needed) continue;
    const seenIn = new Map<string, number>();
    for (const record of counted) {
      for (const key of new Set(record.body.map((b) => paragraphKey(b.text)))) if (key) seenIn.set(key, (seenIn.get(key) ?? 0) + 1);
    }
    const furniture = new Set<string>();
    for (const [key, n] of seenIn) if (n >= needed) furniture.add(key);
    if (furniture.size === 0) continue;
    for (const record of group) {
      const drop = record.body.map((b) => furniture.has(paragraphKey(b.text)));
      const dropped = drop.filter(Boolean).length;
      if (dropped === 0 || dropped === record.body.length) continue;
      record.body.forEach((b, i) => {
        if (drop[i]) record.removed.push({ text: b.text, reason: "furniture" });
      });
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
