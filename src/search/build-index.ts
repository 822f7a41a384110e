/** The search stage: a Lunr index built at build time, and the metadata results show. */
import lunr from "lunr";
import type { ArticleRecord } from "../record.js";
import type { TopicPage } from "../topics/assign.js";
import { dateLabel } from "../render/site-data.js";

/** What a search result shows of an article, keyed by slug in the shipped `docs.json`. */
export interface SearchDoc {
  /** Title. */
  readonly t: string;
  /** Date label ("1 August 2018" or "date unknown"). */
  readonly d: string;
  /** Publisher, or empty. */
  readonly p: string;
  /** Opening text for the excerpt. */
  readonly e: string;
}

/** The files the search page loads. */
export interface SearchFiles {
  /** Serialised `lunr.Index` (load with `lunr.Index.load`). */
  readonly index: string;
  /** JSON object: slug → {@link SearchDoc}. */
  readonly docs: string;
}

/**
 * Build the search index over titles, standfirsts, bodies, authors, publishers and the
 * topics each article is tagged with (all their spellings, so any spelling finds it).
 *
 * @param records Published records.
 * @param topics Topic pages, for spellings.
 * @returns Serialised index and result metadata.
 */
export function buildSearchIndex(records: readonly ArticleRecord[], topics: readonly TopicPage[]): SearchFiles {
  const aliases = new Map(topics.map((t) => [t.topic.name, [...t.topic.aliases]]));
  const sorted = [...records].sort((a, b) => a.slug.localeCompare(b.slug));
  const index = lunr(function () {
    this.ref("slug");
    this.field("title", { boost: 10 });
    this.field("subtitle", { boost: 3 });
    this.field("topics", { boost: 2 });
    this.field("people");
    this.field("body");
    this.metadataWhitelist = [];
    for (const r of sorted) {
      this.add({
        slug: r.slug,
        title: r.title,
        subtitle: r.subtitle ?? "",
        topics: r.topics.flatMap((t) => aliases.get(t) ?? [t]).join(" "),
        people: [...r.authors, r.publisher ?? ""].join(" "),
        body: r.body.map((b) => b.text).join("\n"),
      });
    }
  });
  const docs: Record<string, SearchDoc> = {};
  for (const r of sorted) {
    const text = r.subtitle ?? r.body.find((b) => b.type === "paragraph")?.text ?? "";
    docs[r.slug] = { t: r.title, d: dateLabel(r.published), p: r.publisher ?? "", e: text.slice(0, 300) };
  }
  return { index: JSON.stringify(index), docs: JSON.stringify(docs) };
}
