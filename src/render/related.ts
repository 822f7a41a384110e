/** Links between articles: related by shared topics, and neighbours by date. */

/** What the linking needs of an article. */
export interface Linkable {
  readonly slug: string;
  readonly published: string | null;
  readonly topics: readonly { readonly name: string }[];
}

/** How many related articles an article page lists. */
export const RELATED_LIMIT = 5;

/**
 * For each article, the articles sharing most of its topics. A shared topic counts more the
 * fewer articles carry it (inverse document frequency), so a topic found everywhere links
 * nothing. Ties go to the article nearer in the list (the list is in date order).
 *
 * @param articles Articles in site order.
 * @param limit Most related articles per article.
 * @returns Indexes into `articles`, best first, one array per article.
 */
export function findRelated(articles: readonly Linkable[], limit = RELATED_LIMIT): number[][] {
  const byTopic = new Map<string, number[]>();
  articles.forEach((article, i) => {
    for (const { name } of article.topics) {
      const list = byTopic.get(name);
      if (list) list.push(i);
      else byTopic.set(name, [i]);
    }
  });
  const weight = new Map([...byTopic].map(([name, list]) => [name, Math.log(articles.length / list.length)]));
  return articles.map((article, i) => {
    const scores = new Map<number, number>();
    for (const { name } of article.topics) {
      const w = weight.get(name) ?? 0;
      if (w <= 0) continue;
      for (const j of byTopic.get(name) ?? []) if (j !== i) scores.set(j, (scores.get(j) ?? 0) + w);
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || Math.abs(a[0] - i) - Math.abs(b[0] - i) || a[0] - b[0])
      .slice(0, limit)
      .map(([j]) => j);
  });
}

/** An article's neighbours: dated articles by date, undated ones in list order. */
export interface Neighbours {
  /** The article published just before (or the previous undated one). */
  readonly earlier: number | null;
  /** The article published just after (or the next undated one). */
  readonly later: number | null;
}

/**
 * Previous and next article for each article. The list is newest first with undated
 * articles last, so for a dated article the earlier one follows it in the list; undated
 * articles link among themselves in list order.
 *
 * @param articles Articles in site order.
 * @returns One entry per article, as indexes into `articles`.
 */
export function findNeighbours(articles: readonly Linkable[]): Neighbours[] {
  return articles.map((article, i) => {
    const before = i > 0 ? i - 1 : null;
    const after = i + 1 < articles.length ? i + 1 : null;
    const sameKind = (j: number | null) => (j !== null && (articles[j]!.published === null) === (article.published === null) ? j : null);
    return article.published === null
      ? { earlier: sameKind(before), later: sameKind(after) }
      : { earlier: sameKind(after), later: sameKind(before) };
  });
}
