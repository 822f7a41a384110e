/** Related topics: the ones most often mentioned in the same articles. */

/** Related topics listed per topic. */
export const RELATED_LIMIT = 8;

/**
 * For every topic, the topics sharing articles with it, ranked by cosine similarity of their
 * article sets (shared / √(n₁·n₂)), so a topic that is everywhere does not crowd out the
 * specific ones. A pair needs two shared articles, or one when either topic has fewer than five.
 *
 * @param topicsPerArticle Each article's topic names.
 * @returns Topic name → related topics with the number of shared articles, strongest first.
 */
export function relatedTopics(topicsPerArticle: readonly (readonly string[])[]): Map<string, { name: string; shared: number }[]> {
  const count = new Map<string, number>();
  const pairs = new Map<string, Map<string, number>>();
  for (const topics of topicsPerArticle) {
    for (const a of topics) {
      count.set(a, (count.get(a) ?? 0) + 1);
      let row = pairs.get(a);
      if (!row) pairs.set(a, (row = new Map()));
      for (const b of topics) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
    }
  }
  const result = new Map<string, { name: string; shared: number }[]>();
  for (const [a, row] of pairs) {
    const na = count.get(a)!;
    const list = [...row]
      .filter(([b, shared]) => shared >= 2 || Math.min(na, count.get(b)!) < 5)
      .map(([b, shared]) => ({ name: b, shared, score: shared / Math.sqrt(na * count.get(b)!) }))
      .sort((x, y) => y.score - x.score || y.shared - x.shared || (x.name < y.name ? -1 : 1))
      .slice(0, RELATED_LIMIT)
      .map(({ name, shared }) => ({ name, shared }));
    result.set(a, list);
  }
  return result;
}
