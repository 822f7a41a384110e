/**
 * The search index built the plain way — every article added to a `lunr.Builder` — as the
 * reference the shipped shards are checked against.
 */
import lunr from "lunr";
import type { Posting } from "../../src/client/format.ts";
import { spellingTerms, toTerms } from "../../src/client/query.ts";
import type { ArticleRecord } from "../../src/record.ts";
import { assignDocIds } from "../../src/search/doc-ids.ts";
import { SEARCH_FIELDS, topicSpellings } from "../../src/search/lunr-index.ts";
import type { TopicPage } from "../../src/topics/assign.ts";

/**
 * A Lunr index of the records with every field, the topic spellings each article lacks, its
 * doc number as ref, and word positions kept (Lunr's `index` metadata).
 *
 * @param records Published records.
 * @param topics Topic pages, for spellings.
 * @returns The index.
 */
export function referenceIndex(records: readonly ArticleRecord[], topics: readonly TopicPage[]): lunr.Index {
  const ids = assignDocIds(records.map((r) => r.slug));
  const spellings = new Map(topics.map((t) => [t.topic.name, topicSpellings(t).map((s) => ({ text: s, terms: spellingTerms(lunr, s).filter(Boolean) }))]));
  const cache = new Map<string, string>();
  const docs = records.map((r) => {
    const fields = {
      title: r.title,
      subtitle: r.subtitle ?? "",
      people: [...r.authors, r.publisher ?? ""].join(" "),
      body: r.body.map((b) => b.text).join("\n"),
    };
    const own = termsOf(Object.values(fields).join("\n"), cache);
    const missing = r.topics.flatMap((t) => (spellings.get(t) ?? []).filter((s) => s.terms.some((term) => !own.has(term))).map((s) => s.text));
    return { ref: String(ids.get(r.slug)), ...fields, topics: missing.join(" ") };
  });
  return lunr(function () {
    this.ref("ref");
    for (const field of SEARCH_FIELDS) this.field(field.name, { boost: field.boost });
    this.metadataWhitelist = ["index"];
    for (const doc of docs) this.add(doc);
  });
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
 * Every term's postings in a Lunr index: per field, doc number, field-vector weight and word
 * positions, in doc order.
 *
 * @param index A Lunr index built with the `index` metadata kept.
 * @returns Postings by term.
 */
export function referencePostings(index: lunr.Index): Map<string, Posting[][]> {
  const json = index.toJSON() as unknown as {
    invertedIndex: [string, Record<string, Record<string, { index?: number[] }>> & { _index: number }][];
    fieldVectors: [string, number[]][];
  };
  const byIndex = new Map(json.invertedIndex.map(([term, posting]) => [posting._index, { term, posting }]));
  const out = new Map<string, Posting[][]>();
  for (const [fieldRef, elements] of json.fieldVectors) {
    const slash = fieldRef.indexOf("/");
    const field = fieldRef.slice(0, slash);
    const ref = fieldRef.slice(slash + 1);
    const f = SEARCH_FIELDS.findIndex((x) => x.name === field);
    for (let i = 0; i < elements.length; i += 2) {
      const { term, posting } = byIndex.get(elements[i]!)!;
      let perField = out.get(term);
      if (!perField) out.set(term, (perField = SEARCH_FIELDS.map(() => [])));
      perField[f]!.push({ doc: Number(ref), score: elements[i + 1]!, positions: posting[field]?.[ref]?.index ?? [] });
    }
  }
  for (const perField of out.values()) for (const list of perField) list.sort((a, b) => a.doc - b.doc);
  return out;
}
