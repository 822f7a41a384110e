/** The whole archive's Lunr index, built in memory: the source the shipped shards are cut from. */
import lunr from "lunr";
import type { ArticleRecord } from "../record.js";
import type { TopicPage } from "../topics/assign.js";

/** Index fields and their boosts, in the order shards list them. */
export const SEARCH_FIELDS: readonly { readonly name: string; readonly boost: number }[] = Object.freeze([
  { name: "title", boost: 10 },
  { name: "subtitle", boost: 3 },
  { name: "topics", boost: 2 },
  { name: "people", boost: 1 },
  { name: "body", boost: 1 },
]);

/** One article as the index sees it; `ref` is its doc number. */
export type IndexedDoc = Readonly<Record<string, string>> & { readonly ref: string };

/**
 * Number the articles (in slug order) and give each the text of every field. The topics field
 * holds every spelling of each topic the article is tagged with, so any spelling finds it.
 *
 * @param records Published records.
 * @param topics Topic pages, for spellings.
 * @returns Records in doc-number order and their field texts.
 */
export function indexedDocuments(records: readonly ArticleRecord[], topics: readonly TopicPage[]): { records: ArticleRecord[]; docs: IndexedDoc[] } {
  const aliases = new Map(topics.map((t) => [t.topic.name, [...t.topic.aliases]]));
  const sorted = [...records].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const docs = sorted.map((r, i) => ({
    ref: String(i),
    title: r.title,
    subtitle: r.subtitle ?? "",
    topics: r.topics.flatMap((t) => aliases.get(t) ?? [t]).join(" "),
    people: [...r.authors, r.publisher ?? ""].join(" "),
    body: r.body.map((b) => b.text).join("\n"),
  }));
  return { records: sorted, docs };
}

/**
 * Build one Lunr index over the documents, keeping word positions (Lunr's `index` metadata)
 * for phrase matching.
 *
 * @param docs Documents from {@link indexedDocuments}.
 * @returns The index.
 */
export function buildLunrIndex(docs: readonly IndexedDoc[]): lunr.Index {
  return lunr(function () {
    this.ref("ref");
    for (const field of SEARCH_FIELDS) this.field(field.name, { boost: field.boost });
    this.metadataWhitelist = ["index"];
    for (const doc of docs) this.add(doc);
  });
}
