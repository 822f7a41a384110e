/** Tagging articles with topics: vocabulary aliases, their unlisted spellings, and discovered names. */
import type { ArticleRecord } from "../record.js";
import { joinName, type CaseStats } from "./clean.js";
import { discoverTopics, MIN_ARTICLES, type Candidate, type VocabularyView } from "./discover.js";
import { aliasFinder } from "./aliases.js";
import { looksTitleCase } from "./char-class.js";
import { foldName } from "./fold.js";
import { findNameMentions, type NameMention } from "./mentions.js";
import { relatedTopics } from "./related.js";
import { ArticleWordCounts, countLowerWords } from "./word-counts.js";
import type { TopicEntry } from "./vocabulary.js";

/** A topic with the articles that mention it. */
export interface TopicPage {
  readonly topic: TopicEntry;
  /** Slugs of the articles mentioning the topic, in record order. */
  readonly articles: string[];
  /** Spellings found in the archive, most frequent first. */
  readonly spellings: string[];
  /** Topics sharing the most articles with this one, strongest first. */
  readonly related: { readonly name: string; readonly shared: number }[];
}

/** Options for {@link assignTopics}. */
export interface TopicOptions {
  /** Articles a discovered name needs for a page (default {@link MIN_ARTICLES}). */
  readonly minArticles?: number;
}

interface SpanSplit {
  readonly matches: readonly { readonly topic: TopicEntry; readonly text: string }[];
  readonly rest: readonly { readonly start: number; readonly words: readonly string[] }[];
}

type Hits = Map<string, Map<string, number>>;

const UPPER = /^\p{Lu}/u;

/**
 * Tag every record with its topics, in place (`record.topics`: vocabulary topics in file order,
 * then discovered ones), and gather each topic's articles. A vocabulary topic is found by its
 * aliases as written (aliases in capitals, such as ISIS or IS, only in capitals) and by any name
 * phrase folding to the same skeleton as an alias (see `foldName`), so unlisted transliterations
 * join it. Other recurring names become discovered topics (see `discoverTopics`).
 *
 * @param records Articles, already deduplicated.
 * @param vocabulary Topic entries.
 * @param options Evidence threshold for discovered topics.
 * @returns One entry per topic mentioned at least once (discovered ones: in enough articles),
 *   vocabulary topics first, in file order.
 */
export function assignTopics(records: ArticleRecord[], vocabulary: readonly TopicEntry[], options: TopicOptions = {}): TopicPage[] {
  const findAliases = aliasFinder(vocabulary);
  const keys = new Map<string, TopicEntry>();
  let maxWords = 1;
  for (const topic of vocabulary) {
    for (const alias of topic.aliases) {
      const key = foldName(alias);
      if (key && !keys.has(key)) keys.set(key, topic);
      maxWords = Math.max(maxWords, alias.split(/[\s-]+/).length);
    }
  }
  const aliasSets = new Map(vocabulary.map((t) => [t.name, new Set(t.aliases.map((a) => a.toLowerCase()))]));
  const lowerWords = new ArticleWordCounts();
  const capitalWords = new ArticleWordCounts();
  const splits = new Map<string, SpanSplit>();
  /** Skeleton keys of the word spans tried against the vocabulary. */
  const folds = new Map<string, string>();
  const hits: Hits[] = [];
  const candidates: Candidate[][] = [];
  for (const record of records) {
    const found: Hits = new Map(record.topics.map((name) => [name, new Map()]));
    const all = text(record);
    for (const hit of findAliases(all)) add(found, hit.topic.name, hit.spelling);
    const tailStart = all.length * (2 / 3);
    let offset = 0;
    const local = new Map<string, { words: readonly string[]; phrase: string; initial: boolean; mentions: number; afterPlaceWord: number; tail: number }>();
    for (const block of blocks(record)) {
      const blockOffset = offset;
      offset += block.text.length + 1;
      countLowerWords(block.text, lowerWords);
      for (const mention of findNameMentions(block.text, block.titleCase)) {
        mention.words.forEach((w, k) => {
          if ((k > 0 || !mention.initial) && UPPER.test(w)) capitalWords.add(w.toLowerCase());
        });
        const split = splitMention(mention, keys, maxWords, splits, folds);
        for (const m of split.matches) {
          if (!aliasSets.get(m.topic.name)!.has(m.text.toLowerCase())) add(found, m.topic.name, m.text);
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
    lowerWords.nextArticle();
    capitalWords.nextArticle();
    hits.push(found);
    candidates.push([...local.values()]);
  }
  const stats: CaseStats = { lower: lowerWords.toMap(), capital: capitalWords.toMap() };
  const view: VocabularyView = {
    keys,
    has: (i, topic) => hits[i]!.has(topic.name),
    add: (i, topic, spelling) => add(hits[i]!, topic.name, spelling),
  };
  const discovered = discoverTopics(candidates, stats, view, options.minArticles);
  for (const d of discovered) for (const i of d.articles) hits[i]!.set(d.topic.name, d.spellings);

  const all = [...vocabulary, ...discovered.map((d) => d.topic)];
  const order = new Map(all.map((t, i) => [t.name, i]));
  const articles = new Map<string, string[]>();
  const spellings = new Map<string, Map<string, number>>();
  records.forEach((record, i) => {
    record.topics = [...hits[i]!.keys()].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || (a < b ? -1 : 1));
    for (const name of record.topics) {
      const list = articles.get(name);
      if (list) list.push(record.slug);
      else articles.set(name, [record.slug]);
      const counts = spellings.get(name) ?? new Map<string, number>();
      spellings.set(name, counts);
      for (const [s, n] of hits[i]!.get(name)!) counts.set(s, (counts.get(s) ?? 0) + n);
    }
  });
  const discoveredSpellings = new Map(discovered.map((d) => [d.topic.name, d.spellings]));
  const related = relatedTopics(records.map((r) => r.topics));
  return all
    .filter((t) => articles.has(t.name))
    .map((t) => ({
      topic: t,
      articles: articles.get(t.name)!,
      spellings: [...(discoveredSpellings.get(t.name) ?? spellings.get(t.name)!)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([s]) => s),
      related: related.get(t.name) ?? [],
    }));
}

function add(found: Hits, name: string, spelling: string): void {
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
function splitMention(
  mention: NameMention,
  keys: ReadonlyMap<string, TopicEntry>,
  maxWords: number,
  cache: Map<string, SpanSplit>,
  folds: Map<string, string>,
): SpanSplit {
  const words = mention.words;
  const memo = mention.text;
  const cached = cache.get(memo);
  if (cached) return cached;
  const covered = new Array<boolean>(words.length).fill(false);
  const matches: { start: number; topic: TopicEntry; text: string }[] = [];
  for (let len = Math.min(words.length, maxWords + 2); len >= 1; len--) {
    for (let start = 0; start + len <= words.length; start++) {
      if (covered.slice(start, start + len).some(Boolean)) continue;
      const span = words.slice(start, start + len);
      if (/^(?:of|for|the)$/i.test(span[0]!) || /^\p{Ll}/u.test(span.at(-1)!)) continue;
      const phrase = span.join(" ");
      let key = folds.get(phrase);
      if (key === undefined) folds.set(phrase, (key = foldName(phrase)));
      const topic = keys.get(key);
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
  cache.set(memo, split);
  return split;
}
