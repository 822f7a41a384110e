/** Tagging articles with topics: vocabulary aliases, their unlisted spellings, and discovered names. */
import type { ArticleRecord } from "../record.js";
import { articleMentions, vocabularyIndex, vocabularyKeys } from "./article-mentions.js";
import { countCaseStats } from "./case-stats.js";
import type { CaseStats } from "./clean.js";
import { CandidateTable, discoverTopics, MIN_ARTICLES, type VocabularyView } from "./discover.js";
import { topicEvidence, type TopicEvidence } from "./mentions-batch.js";
import { relatedTopics } from "./related.js";
import type { TopicEntry } from "./vocabulary.js";

/** An article's spellings of a topic, with how often it used each. */
type Spellings = Map<string, number> | readonly (readonly [string, number])[];

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

/** Options for {@link assignTopics} and {@link combineMentions}. */
export interface TopicOptions {
  /** Articles a discovered name needs for a page (default {@link MIN_ARTICLES}). */
  readonly minArticles?: number;
}

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
  const index = vocabularyIndex(vocabulary);
  const mentions = records.map((r) => articleMentions(r, index));
  return combineMentions(records, mentions.map(topicEvidence), countCaseStats(mentions), vocabulary, options);
}

/**
 * The archive-wide half of {@link assignTopics}: join the articles' mentions into topics, tag
 * every record in place (`record.topics`) and gather each topic's articles. Discovery weighs
 * every article's candidates against the archive's case statistics (see `discoverTopics`).
 * The mentions are only read, so cached ones can be passed again.
 *
 * @param records Articles, already deduplicated.
 * @param mentions Per record, in the same order, its topics and candidates from `articleMentions`
 *   with the same vocabulary (see `topicEvidence`); read once, in order, so they can be made one
 *   at a time.
 * @param stats The case statistics of the records' words (see `countCaseStats`).
 * @param vocabulary Topic entries.
 * @param options Evidence threshold for discovered topics.
 * @returns One entry per topic mentioned at least once (discovered ones: in enough articles),
 *   vocabulary topics first, in file order.
 */
export function combineMentions(
  records: ArticleRecord[],
  mentions: Iterable<TopicEvidence>,
  stats: CaseStats,
  vocabulary: readonly TopicEntry[],
  options: TopicOptions = {},
): TopicPage[] {
  const { keys } = vocabularyKeys(vocabulary);
  // Each article's topics with their spellings: as the evidence lists them, made into a map
  // only for the few that discovery adds spellings to.
  const hits: Map<string, Spellings>[] = [];
  const candidates = new CandidateTable();
  for (const m of mentions) {
    const found = new Map<string, Spellings>();
    for (const t of m.topics) found.set(t.name, t.spellings);
    hits.push(found);
    candidates.add(m.candidates);
  }
  if (hits.length !== records.length) throw new Error(`combineMentions: ${hits.length} mentions for ${records.length} records`);
  const view: VocabularyView = {
    keys,
    has: (i, topic) => hits[i]!.has(topic.name),
    add: (i, topic, spelling) => {
      const listed = hits[i]!.get(topic.name);
      const counts = listed instanceof Map ? listed : new Map(listed);
      counts.set(spelling, (counts.get(spelling) ?? 0) + 1);
      hits[i]!.set(topic.name, counts);
    },
  };
  const discovered = discoverTopics(candidates, stats, view, options.minArticles);
  const discoveredSpellings = new Map(discovered.map((d) => [d.topic.name, d.spellings]));
  // Each article's discovered topics, by number, listed apart from its other topics' spellings.
  const discoveredOf: number[][] = records.map(() => []);
  discovered.forEach((d, k) => {
    for (const i of d.articles) discoveredOf[i]!.push(k);
  });

  const all = [...vocabulary, ...discovered.map((d) => d.topic)];
  const order = new Map(all.map((t, i) => [t.name, i]));
  // A discovered topic's name that another topic has too: listed once per article.
  const shared = new Set(all.map((t) => t.name).filter((name, i) => order.get(name) !== i));
  const articles = new Map<string, string[]>();
  const spellings = new Map<string, Map<string, number>>();
  records.forEach((record, i) => {
    const found = hits[i]!;
    const ranked: { readonly name: string; readonly rank: number }[] = [];
    for (const name of found.keys()) ranked.push({ name, rank: order.get(name) ?? 1e9 });
    for (const k of discoveredOf[i]!) {
      const name = discovered[k]!.topic.name;
      if (found.has(name) || (shared.has(name) && ranked.some((t) => t.name === name))) continue;
      ranked.push({ name, rank: order.get(name)! });
    }
    record.topics = ranked.sort((a, b) => a.rank - b.rank || (a.name < b.name ? -1 : 1)).map((t) => t.name);
    for (const name of record.topics) {
      const list = articles.get(name);
      if (list) list.push(record.slug);
      else articles.set(name, [record.slug]);
      // A discovered topic's spellings are the archive's already.
      if (discoveredSpellings.has(name)) continue;
      let counts = spellings.get(name);
      if (!counts) spellings.set(name, (counts = new Map()));
      for (const [s, n] of found.get(name)!) counts.set(s, (counts.get(s) ?? 0) + n);
    }
  });
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
