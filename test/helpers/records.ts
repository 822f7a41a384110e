/** Records made directly, for tests of the stages after parsing. */
import type { ArticleRecord } from "../../src/record.ts";

/**
 * A record with a one-paragraph body.
 *
 * @param slug Its slug (and file name, with `.txt`).
 * @param published Its date, or null.
 * @param extra Fields to set besides.
 */
export function makeRecord(slug: string, published: string | null, extra: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    source: `${slug}.txt`, slug, title: `Report ${slug}`, subtitle: null, authors: [], publisher: null, published, updated: null,
    dateline: null, section: null, body: [{ type: "paragraph", text: `Fighting near Daraa, reported in ${slug}.` }], removed: [], warnings: [],
    topics: [], ...extra,
  };
}
