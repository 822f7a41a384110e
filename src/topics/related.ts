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
  const ids = new Map<string, number>();
  const names: string[] = [];
  const count: number[] = [];
  const shared = new Map<number, number>();
  for (const topics of topicsPerArticle) {
    const list = topics.map((name) => {
      let id = ids.get(name);
      if (id === undefined) {
        ids.set(name, (id = names.length));
        names.push(name);
        count.push(0);
      }
      count[id]!++;
      return id;
    });
    for (let i = 0; i < list.length; i++) {
      for (let j = i + 1; j < list.length; j++) {
        const a = Math.min(list[i]!, list[j]!);
        const key = a * 0x200000 + Math.max(list[i]!, list[j]!);
        shared.set(key, (shared.get(key) ?? 0) + 1);
      }
    }
  }
  const rows = names.map(() => [] as { id: number; shared: number }[]);
  for (const [key, n] of shared) {
    const a = Math.floor(key / 0x200000);
    const b = key % 0x200000;
    if (n < 2 && Math.min(count[a]!, count[b]!) >= 5) continue;
    rows[a]!.push({ id: b, shared: n });
    rows[b]!.push({ id: a, shared: n });
  }
  const result = new Map<string, { name: string; shared: number }[]>();
  rows.forEach((row, a) => {
    const score = (r: { id: number; shared: number }) => r.shared / Math.sqrt(count[a]! * count[r.id]!);
    const list = row
      .sort((x, y) => score(y) - score(x) || y.shared - x.shared || (names[x.id]! < names[y.id]! ? -1 : 1))
      .slice(0, RELATED_LIMIT)
      .map((r) => ({ name: names[r.id]!, shared: r.shared }));
    result.set(names[a]!, list);
  });
  return result;
}
