/** Related topics: the ones most often mentioned in the same articles. */
import { Best } from "../best.js";
import { topicIndex } from "../topic-index.js";

/** Related topics listed per topic. */
export const RELATED_LIMIT = 8;

/**
 * For every topic, the topics sharing articles with it, ranked by cosine similarity of their
 * article sets (shared / √(n₁·n₂)), so a topic that is everywhere does not crowd out the
 * specific ones. A pair needs two shared articles, or one when either topic has fewer than five.
 * Co-occurrences are counted one topic at a time through an index of each topic's articles,
 * in a reused array, so time grows with the pairs of topics per article and memory with the
 * number of topic mentions.
 *
 * @param topicsPerArticle Each article's topic names (each name once per article).
 * @returns Topic name → related topics with the number of shared articles, strongest first.
 */
export function relatedTopics(topicsPerArticle: readonly (readonly string[])[]): Map<string, { name: string; shared: number }[]> {
  const { names, counts: count, articleStart, articleTopics, topicStart, topicArticles } = topicIndex(topicsPerArticle);
  const shared = new Int32Array(names.length);
  const touched: number[] = [];
  // Highest similarity first, then most shared articles, then by name.
  const byStrength = (x: { id: number; shared: number; score: number }, y: { id: number; shared: number; score: number }) =>
    x.score !== y.score ? x.score > y.score : x.shared !== y.shared ? x.shared > y.shared : names[x.id]! < names[y.id]!;
  const result = new Map<string, { name: string; shared: number }[]>();
  for (let a = 0; a < names.length; a++) {
    for (let k = topicStart[a]!; k < topicStart[a + 1]!; k++) {
      const article = topicArticles[k]!;
      for (let m = articleStart[article]!; m < articleStart[article + 1]!; m++) {
        const b = articleTopics[m]!;
        if (b !== a && shared[b]!++ === 0) touched.push(b);
      }
    }
    const best = new Best<{ id: number; shared: number; score: number }>(RELATED_LIMIT, byStrength);
    const kept = best.items();
    for (const b of touched) {
      const n = shared[b]!;
      shared[b] = 0;
      if (n < 2 && Math.min(count[a]!, count[b]!) >= 5) continue;
      const score = n / Math.sqrt(count[a]! * count[b]!);
      // A weaker topic than the last kept cannot enter: skip it without making an entry.
      if (kept.length === RELATED_LIMIT && score < kept[RELATED_LIMIT - 1]!.score) continue;
      best.offer({ id: b, shared: n, score });
    }
    touched.length = 0;
    result.set(
      names[a]!,
      best.items().map((r) => ({ name: names[r.id]!, shared: r.shared })),
    );
  }
  return result;
}
