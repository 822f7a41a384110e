/** Finding which vocabulary topics each article mentions, and under which spellings. */
import type { ArticleRecord } from "../record.js";
import type { TopicEntry } from "./vocabulary.js";

/** A topic with the articles that mention it. */
export interface TopicPage {
  readonly topic: TopicEntry;
  /** Slugs of the articles mentioning the topic. */
  readonly articles: string[];
  /** Spellings found in the archive, most frequent first. */
  readonly spellings: string[];
}

interface Matcher {
  readonly topic: TopicEntry;
  readonly patterns: readonly RegExp[];
}

/**
 * Tag every record with the topics its title, standfirst and body mention, in place
 * (`record.topics`, canonical names in vocabulary order), and gather each topic's articles.
 * Aliases written in capitals (ISIS, IS) match only in capitals; others ignore case.
 *
 * @param records Articles, already deduplicated.
 * @param vocabulary Topic entries.
 * @returns One entry per topic mentioned at least once, in vocabulary order.
 */
export function assignTopics(records: ArticleRecord[], vocabulary: readonly TopicEntry[]): TopicPage[] {
  const matchers = vocabulary.map(buildMatcher);
  const pages = new Map<string, { topic: TopicEntry; articles: string[]; spellings: Map<string, number> }>();
  for (const record of records) {
    const text = [record.title, record.subtitle ?? "", ...record.body.map((b) => b.text)].join("\n");
    const found = new Set(record.topics);
    for (const { topic, patterns } of matchers) {
      const hits = patterns.flatMap((pattern) => text.match(pattern) ?? []);
      if (hits.length === 0 && !record.topics.includes(topic.name)) continue;
      found.add(topic.name);
      let page = pages.get(topic.name);
      if (!page) pages.set(topic.name, (page = { topic, articles: [], spellings: new Map() }));
      page.articles.push(record.slug);
      for (const hit of hits) {
        const spelling = hit.replace(/\s+/g, " ");
        page.spellings.set(spelling, (page.spellings.get(spelling) ?? 0) + 1);
      }
    }
    const order = new Map(vocabulary.map((t, i) => [t.name, i]));
    record.topics = [...found].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
  }
  return vocabulary
    .filter((t) => pages.has(t.name))
    .map((t) => {
      const page = pages.get(t.name)!;
      const spellings = [...page.spellings].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([s]) => s);
      return { topic: t, articles: page.articles, spellings };
    });
}

function buildMatcher(topic: TopicEntry): Matcher {
  const sensitive: string[] = [];
  const insensitive: string[] = [];
  for (const alias of [...topic.aliases].sort((a, b) => b.length - a.length)) {
    const source = alias
      .trim()
      .split(/[\s-]+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\s-]+");
    (alias === alias.toUpperCase() && /\p{Lu}/u.test(alias) ? sensitive : insensitive).push(source);
  }
  const wrap = (alternatives: string[], flags: string) =>
    new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, flags);
  const patterns: RegExp[] = [];
  if (sensitive.length) patterns.push(wrap(sensitive, "gu"));
  if (insensitive.length) patterns.push(wrap(insensitive, "giu"));
  return { topic, patterns };
}
