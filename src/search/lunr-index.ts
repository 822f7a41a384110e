/** The whole archive's Lunr index, built in memory: the source the shipped shards are cut from. */
import lunr from "lunr";
import { spellingTerms, toTerms } from "../client/query.js";
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
 * Every spelling of a topic: its vocabulary names and the spellings found in the archive.
 *
 * @param page A topic page.
 * @returns Distinct spellings, canonical name first.
 */
export function topicSpellings(page: TopicPage): string[] {
  return [...new Set([...page.topic.aliases, ...page.spellings])];
}

/**
 * Number the articles (in slug order) and give each the text of every field. The topics field
 * holds the spellings of the article's topics that its own text does not use, so any spelling
 * finds it ("Deraa" finds an article that only says Daraa) without repeating words it already has.
 *
 * @param records Published records.
 * @param topics Topic pages, for spellings.
 * @returns Records in doc-number order and their field texts.
 */
export function indexedDocuments(records: readonly ArticleRecord[], topics: readonly TopicPage[]): { records: ArticleRecord[]; docs: IndexedDoc[] } {
  const spellings = new Map(topics.map((t) => [t.topic.name, topicSpellings(t).map((s) => ({ text: s, terms: spellingTerms(lunr, s).filter(Boolean) }))]));
  const sorted = [...records].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const cache = new Map<string, string>();
  const docs = sorted.map((r, i) => {
    const fields = {
      title: r.title,
      subtitle: r.subtitle ?? "",
      people: [...r.authors, r.publisher ?? ""].join(" "),
      body: r.body.map((b) => b.text).join("\n"),
    };
    const own = termsOf(Object.values(fields).join("\n"), cache);
    const missing = r.topics.flatMap((t) => (spellings.get(t) ?? []).filter((s) => s.terms.some((term) => !own.has(term))).map((s) => s.text));
    return { ref: String(i), ...fields, topics: missing.join(" ") };
  });
  return { records: sorted, docs };
}

/** Index terms of a text (as the index pipeline makes them), with a word → term cache. */
function termsOf(text: string, cache: Map<string, string>): Set<string> {
  const out = new Set<string>();
  for (const word of text.toLowerCase().split(/[\s-]+/)) {
    let term = cache.get(word);
    if (term === undefined) cache.set(word, (term = toTerms(lunr, word)[0]?.term ?? ""));
    if (term) out.add(term);
  }
  return out;
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
