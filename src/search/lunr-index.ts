/** What the index holds of an article: its fields, their boosts, and the topic spellings added to it. */
import lunr from "lunr";
import { spellingTerms } from "../client/query.js";
import type { ArticleRecord } from "../record.js";
import type { TopicPage } from "../topics/assign.js";
import type { FieldText } from "./inverted.js";

/** Index fields and their boosts, in the order shards list them. */
export const SEARCH_FIELDS: readonly { readonly name: string; readonly boost: number }[] = Object.freeze([
  { name: "title", boost: 10 },
  { name: "subtitle", boost: 3 },
  { name: "topics", boost: 2 },
  { name: "people", boost: 1 },
  { name: "body", boost: 1 },
]);

/**
 * Every spelling of a topic: its vocabulary names and the spellings found in the archive.
 *
 * @param page A topic page.
 * @returns Distinct spellings, canonical name first.
 */
export function topicSpellings(page: SearchTopic): string[] {
  return [...new Set([...page.topic.aliases, ...page.spellings])];
}

/**
 * The text of each index field of an article, in {@link SEARCH_FIELDS} order. The topics field
 * holds the spellings of the article's topics that its own text does not use, so any spelling
 * finds it ("Deraa" finds an article that only says Daraa) without repeating words it already has;
 * it is given as a function of which terms the other fields hold.
 *
 * @param r A record.
 * @param spellings Per topic name, its spellings and their index terms.
 * @param numbers Term numbers of a spelling's terms (negative for a term no document has yet).
 * @returns Field texts.
 */
export function fieldTexts(r: IndexedRecord, spellings: SpellingsByTopic, numbers: (s: Spelling) => readonly number[]): (FieldText | ((own: (term: number) => boolean) => string))[] {
  const texts: Record<string, FieldText | ((own: (term: number) => boolean) => string)> = {
    title: r.title,
    subtitle: r.subtitle ?? "",
    people: [...r.authors, r.publisher ?? ""].join(" "),
    body: r.body.map((b) => b.text),
    topics: (own) => {
      const missing: string[] = [];
      for (const topic of r.topics) {
        for (const s of spellings.get(topic) ?? []) {
          if (numbers(s).some((n) => !own(n))) missing.push(s.text);
        }
      }
      return missing.join(" ");
    },
  };
  return SEARCH_FIELDS.map((f) => texts[f.name]!);
}

/** What the index reads of a record. */
export type IndexedRecord = Pick<ArticleRecord, "title" | "subtitle" | "authors" | "publisher" | "topics"> & { readonly body: readonly { readonly text: string }[] };

/** What the search stage reads of a record: the indexed fields, and what results and filters show. */
export type SearchRecord = IndexedRecord & Pick<ArticleRecord, "slug" | "published">;

/** What the search stage reads of a topic: its names and the spellings found. */
export type SearchTopic = Pick<TopicPage, "topic" | "spellings">;

/** A topic spelling and its index terms. */
export interface Spelling {
  readonly text: string;
  readonly terms: readonly string[];
}

/** Per topic name, its spellings with their index terms. */
export type SpellingsByTopic = ReadonlyMap<string, readonly Spelling[]>;

/**
 * Every topic's spellings with their index terms.
 *
 * @param topics Topic pages.
 * @returns Spellings by topic name.
 */
export function spellingsByTopic(topics: readonly SearchTopic[]): SpellingsByTopic {
  return new Map(topics.map((t) => [t.topic.name, topicSpellings(t).map((s) => ({ text: s, terms: spellingTerms(lunr, s).filter(Boolean) }))]));
}
