/** Articles and their topics as numbers in flat lists, for scanning co-occurrences fast. */

/**
 * Each article's topics and each topic's articles: the topics of article `i` are
 * `articleTopics[articleStart[i] .. articleStart[i + 1]]`, in the article's order, and the
 * articles of topic `t` are `topicArticles[topicStart[t] .. topicStart[t + 1]]`, ascending.
 * Scanning these is several times faster than looking names up in maps.
 */
export interface TopicIndex {
  /** Topic names by number, in order of first mention. */
  readonly names: readonly string[];
  /** Each topic's number of mentions (of articles, when an article names a topic once). */
  readonly counts: Int32Array;
  readonly articleStart: Int32Array;
  readonly articleTopics: Int32Array;
  readonly topicStart: Int32Array;
  readonly topicArticles: Int32Array;
}

/**
 * Number the topics and list each topic's articles.
 *
 * @param topicsPerArticle Each article's topic names.
 */
export function topicIndex(topicsPerArticle: readonly (readonly string[])[]): TopicIndex {
  const ids = new Map<string, number>();
  const names: string[] = [];
  const mentions: number[] = [];
  const articleStart = new Int32Array(topicsPerArticle.length + 1);
  for (let i = 0; i < topicsPerArticle.length; i++) articleStart[i + 1] = articleStart[i]! + topicsPerArticle[i]!.length;
  const articleTopics = new Int32Array(articleStart[topicsPerArticle.length]!);
  let at = 0;
  for (const topics of topicsPerArticle) {
    for (const name of topics) {
      let id = ids.get(name);
      if (id === undefined) {
        id = names.length;
        ids.set(name, id);
        names.push(name);
        mentions.push(0);
      }
      articleTopics[at++] = id;
      mentions[id]!++;
    }
  }
  const topicStart = new Int32Array(names.length + 1);
  const counts = Int32Array.from(mentions);
  for (let t = 0; t < names.length; t++) topicStart[t + 1] = topicStart[t]! + counts[t]!;
  const topicArticles = new Int32Array(articleTopics.length);
  const fill = topicStart.slice(0, names.length);
  for (let i = 0; i < topicsPerArticle.length; i++) {
    for (let k = articleStart[i]!; k < articleStart[i + 1]!; k++) topicArticles[fill[articleTopics[k]!]!++] = i;
  }
  return { names, counts, articleStart, articleTopics, topicStart, topicArticles };
}
