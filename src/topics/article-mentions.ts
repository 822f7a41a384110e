/**
 * What one article says about topics, found from its text and the vocabulary alone: vocabulary
 * topics with the spellings used, unmatched name phrases (discovery candidates) and the words
 * behind the archive's case statistics. The result is plain data, so it can be cached and
 * passed between threads; `combineMentions` joins the articles' results into topics.
 */
import type { ArticleRecord } from "../record.js";
import { aliasFinder, type AliasHit } from "./aliases.js";
import { looksTitleCase } from "./char-class.js";
import { joinName } from "./clean.js";
import type { Candidate } from "./discover.js";
import { foldName } from "./fold.js";
import { findNameMentions, type NameMention } from "./mentions.js";
import type { TopicEntry } from "./vocabulary.js";
import { ArticleWordCounts, countLowerWords } from "./word-counts.js";

/** A topic an article mentions, with how often it wrote each spelling. */
export interface TopicMention {
  readonly name: string;
  /** Spelling and count, in the order first found (empty for a topic known only by name). */
  readonly spellings: [string, number][];
}

/** One article's topic evidence: plain arrays and objects only, in a fixed order. */
export interface ArticleMentions {
  /** Topics set on the record beforehand, then vocabulary topics in the order found. */
  readonly topics: TopicMention[];
  /** Name phrases the vocabulary does not match, in the order first seen. */
  readonly candidates: Candidate[];
  /** The distinct words written in lower case, in text order. */
  readonly lowerWords: string[];
  /** The distinct capitalised words (lower-cased) not opening a sentence, in text order. */
  readonly capitalWords: string[];
}

/** A vocabulary prepared for finding mentions, with caches reused from article to article (one thread only). */
export interface VocabularyIndex {
  /** Skeleton key → vocabulary topic (the first topic claiming a key). */
  readonly keys: ReadonlyMap<string, TopicEntry>;
  /** Most words in an alias. */
  readonly maxWords: number;
  /** Topic name → its aliases, lower-cased. */
  readonly aliasSets: ReadonlyMap<string, ReadonlySet<string>>;
  readonly findAliases: (text: string) => AliasHit[];
  /** Phrase as written → its split against the keys. */
  readonly splits: Map<string, SpanSplit>;
  /** Word span → its skeleton key. */
  readonly folds: Map<string, string>;
  readonly lowerWords: ArticleWordCounts;
  readonly capitalWords: ArticleWordCounts;
}

interface SpanSplit {
  readonly matches: readonly { readonly topic: TopicEntry; readonly text: string }[];
  readonly rest: readonly { readonly start: number; readonly words: readonly string[] }[];
}

/** Topic name → spelling → times written, in the order found. */
export type Hits = Map<string, Map<string, number>>;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const UPPER = /^\p{Lu}/u;

/**
 * Map every skeleton key of a vocabulary's aliases to its topic (the first topic claiming a key).
 *
 * @param vocabulary Topic entries.
 * @returns The keys, and the most words in an alias.
 */
export function vocabularyKeys(vocabulary: readonly TopicEntry[]): { keys: Map<string, TopicEntry>; maxWords: number } {
  const keys = new Map<string, TopicEntry>();
  let maxWords = 1;
  for (const topic of vocabulary) {
    for (const alias of topic.aliases) {
      const key = foldName(alias);
      if (key && !keys.has(key)) keys.set(key, topic);
      maxWords = Math.max(maxWords, alias.split(/[\s-]+/).length);
    }
  }
  return { keys, maxWords };
}

/**
 * Prepare a vocabulary for {@link articleMentions}. Build it once and reuse it for every article
 * handled in the same thread: its caches only save work and never change a result.
 *
 * @param vocabulary Topic entries.
 * @returns The index.
 */
export function vocabularyIndex(vocabulary: readonly TopicEntry[]): VocabularyIndex {
  return {
    ...vocabularyKeys(vocabulary),
    aliasSets: new Map(vocabulary.map((t) => [t.name, new Set(t.aliases.map((a) => a.toLowerCase()))])),
    findAliases: aliasFinder(vocabulary),
    splits: new Map(),
    folds: new Map(),
    lowerWords: new ArticleWordCounts(),
    capitalWords: new ArticleWordCounts(),
  };
}

/**
 * Find an article's topic evidence. A vocabulary topic is found by its aliases as written
 * (aliases in capitals, such as ISIS or IS, only in capitals) and by any name phrase folding to
 * the same skeleton as an alias (see `foldName`); the rest of each name phrase, outside
 * title-case lines, is a candidate for discovery. The result depends only on the record's
 * title, subtitle, body texts and `topics`, and on the vocabulary.
 *
 * @param record An article.
 * @param index The vocabulary, from {@link vocabularyIndex}.
 * @returns Plain data, safe to serialise as JSON or to clone between threads.
 */
export function articleMentions(record: ArticleRecord, index: VocabularyIndex): ArticleMentions {
  const { lowerWords, capitalWords } = index;
  lowerWords.nextArticle();
  capitalWords.nextArticle();
  const found: Hits = new Map(record.topics.map((name) => [name, new Map()]));
  const all = text(record);
  for (const hit of index.findAliases(all)) addSpelling(found, hit.topic.name, hit.spelling);
  const tailStart = all.length * (2 / 3);
  let offset = 0;
  const local = new Map<string, Mutable<Candidate>>();
  for (const block of blocks(record)) {
    const blockOffset = offset;
    offset += block.text.length + 1;
    countLowerWords(block.text, lowerWords);
    for (const mention of findNameMentions(block.text, block.titleCase)) {
      mention.words.forEach((w, k) => {
        if ((k > 0 || !mention.initial) && UPPER.test(w)) capitalWords.add(w.toLowerCase());
      });
      const split = splitMention(mention, index);
      for (const m of split.matches) {
        if (!index.aliasSets.get(m.topic.name)!.has(m.text.toLowerCase())) addSpelling(found, m.topic.name, m.text);
        else if (!found.has(m.topic.name)) found.set(m.topic.name, new Map());
      }
      if (block.titleCase) continue;
      for (const run of split.rest) {
        const key = run.words.join(" ");
        const initial = mention.initial && run.start === 0;
        const entry = local.get(key);
        const place = mention.afterPlaceWord && run.start === 0 ? 1 : 0;
        const tail = blockOffset + mention.index >= tailStart ? 1 : 0;
        if (entry) {
          entry.initial &&= initial;
          entry.mentions++;
          entry.afterPlaceWord += place;
          entry.tail += tail;
        } else local.set(key, { words: run.words, phrase: key, initial, mentions: 1, afterPlaceWord: place, tail });
      }
    }
  }
  return {
    topics: [...found].map(([name, spellings]) => ({ name, spellings: [...spellings] })),
    candidates: [...local.values()],
    lowerWords: lowerWords.articleWords(),
    capitalWords: capitalWords.articleWords(),
  };
}

/**
 * Count one use of a spelling of a topic.
 *
 * @param found Where to count it.
 * @param name The topic's name.
 * @param spelling The words as written.
 */
export function addSpelling(found: Hits, name: string, spelling: string): void {
  let counts = found.get(name);
  if (!counts) found.set(name, (counts = new Map()));
  counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
}

function text(record: ArticleRecord): string {
  return [record.title, record.subtitle ?? "", ...record.body.map((b) => b.text)].join("\n");
}

/** The record's texts in the order {@link text} joins them. */
function blocks(record: ArticleRecord): { text: string; titleCase: boolean }[] {
  const list = [{ text: record.title, titleCase: true }, { text: record.subtitle ?? "", titleCase: looksTitleCase(record.subtitle ?? "") }];
  for (const b of record.body) list.push({ text: b.text, titleCase: looksTitleCase(b.text) });
  return list;
}

/** Split a phrase into vocabulary matches (longest first) and the runs of words left over; results and span keys are cached. */
function splitMention(mention: NameMention, index: VocabularyIndex): SpanSplit {
  const words = mention.words;
  const memo = mention.text;
  const cached = index.splits.get(memo);
  if (cached) return cached;
  const covered = new Array<boolean>(words.length).fill(false);
  const matches: { start: number; topic: TopicEntry; text: string }[] = [];
  for (let len = Math.min(words.length, index.maxWords + 2); len >= 1; len--) {
    for (let start = 0; start + len <= words.length; start++) {
      if (covered.slice(start, start + len).some(Boolean)) continue;
      const span = words.slice(start, start + len);
      if (/^(?:of|for|the)$/i.test(span[0]!) || /^\p{Ll}/u.test(span.at(-1)!)) continue;
      const phrase = span.join(" ");
      let key = index.folds.get(phrase);
      if (key === undefined) index.folds.set(phrase, (key = foldName(phrase)));
      const topic = index.keys.get(key);
      if (!topic) continue;
      covered.fill(true, start, start + len);
      matches.push({ start, topic, text: joinName(span) });
    }
  }
  const rest: { start: number; words: string[] }[] = [];
  words.forEach((w, i) => {
    if (covered[i]) return;
    const last = rest.at(-1);
    if (last && last.start + last.words.length === i) last.words.push(w);
    else rest.push({ start: i, words: [w] });
  });
  const split = { matches: matches.sort((a, b) => a.start - b.start), rest };
  index.splits.set(memo, split);
  return split;
}
