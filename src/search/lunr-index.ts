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

/** The index field holding an article's topic spellings (see {@link topicsField}). */
export const TOPICS_FIELD = SEARCH_FIELDS.findIndex((f) => f.name === "topics");

/**
 * The text of each index field of an article given by its own text, in {@link SEARCH_FIELDS}
 * order; null for the topics field (see {@link topicsField}).
 *
 * @param r A record.
 * @returns Field texts.
 */
export function ownFieldTexts(r: TextRecord): (FieldText | null)[] {
  const texts: Record<string, FieldText | null> = {
    title: r.title,
    subtitle: r.subtitle ?? "",
    people: [...r.authors, r.publisher ?? ""].join(" "),
    body: r.body.map((b) => b.text),
    topics: null,
  };
  return SEARCH_FIELDS.map((f) => texts[f.name]!);
}

/**
 * The topics field of an article: the spellings of its topics that its own text does not use,
 * so any spelling finds it ("Deraa" finds an article that only says Daraa) without repeating
 * words it already has. It is made once the article's other fields are read.
 *
 * @param topics The article's topic names.
 * @param spellings Per topic name, its spellings and their index terms.
 * @param numbers Term numbers of a spelling's terms (negative for a term no document has yet).
 * @returns The field's text, given a test of whether a term is in the article's other fields.
 */
export function topicsField(topics: readonly string[], spellings: SpellingsByTopic, numbers: (s: Spelling) => readonly number[]): (own: (term: number) => boolean) => string {
  return (own) => {
    const missing: string[] = [];
    for (const topic of topics) {
      for (const s of spellings.get(topic) ?? []) {
        if (numbers(s).some((n) => !own(n))) missing.push(s.text);
      }
    }
    return missing.join(" ");
  };
}

/** What the index reads of a record. */
export type IndexedRecord = Pick<ArticleRecord, "title" | "subtitle" | "authors" | "publisher" | "topics"> & { readonly body: readonly { readonly text: string }[] };

/** What the search stage reads of a record: the indexed fields, and what results and filters show. */
export type SearchRecord = IndexedRecord & Pick<ArticleRecord, "slug" | "published">;

/**
 * What the search stage reads of a record besides its topics, which may not be known yet;
 * with, when known, a name for its body's texts (see `nameContent`), which then stands for
 * them in the names of what the index makes of the record.
 */
export type TextRecord = Omit<SearchRecord, "topics"> & { readonly bodyName?: string };

/**
 * A {@link TextRecord} whose body may be left out: when the record cache holds it as parsed,
 * under `stored` (the record's cache key), it is read from there only if it is needed, so that
 * a rebuild does not pass every body to the index's worker thread.
 */
export type LeanTextRecord = Omit<TextRecord, "body"> & ({ readonly body: TextRecord["body"]; readonly stored?: undefined } | { readonly body?: undefined; readonly stored: string; readonly bodyName: string });

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
