/** Links between articles: related by shared topics, and neighbours by date. */
import { topicIndex } from "../topic-index.js";

/** What the linking needs of an article. */
export interface Linkable {
  readonly slug: string;
  readonly published: string | null;
  readonly topics: readonly { readonly name: string }[];
}

/** How many related articles an article page lists. */
export const RELATED_LIMIT = 5;

/**
 * Topics carried by more articles than this link articles only when rarer topics link too
 * few: scanning them for every article would make linking quadratic in the archive's size,
 * and they say little about what two articles share.
 */
export const BROAD_TOPIC_ARTICLES = 200;

/**
 * For each article, the articles sharing most of its topics. A shared topic counts more the
 * fewer articles carry it (inverse document frequency), so a topic found everywhere links
 * nothing. Ties go to the article nearer in the list (the list is in date order). Broad topics
 * (see {@link BROAD_TOPIC_ARTICLES}) fill the list, with the nearest articles sharing them, only
 * when rarer topics link fewer articles than `limit`.
 *
 * @param articles Articles in site order.
 * @param limit Most related articles per article.
 * @returns Indexes into `articles`, best first, one array per article.
 */
export function findRelated(articles: readonly Linkable[], limit = RELATED_LIMIT): number[][] {
  const { counts, articleStart, articleTopics, topicStart, topicArticles } = topicIndex(articles.map((a) => a.topics.map((t) => t.name)));
  const weight = Float64Array.from(counts, (n) => Math.log(articles.length / n));
  const score = new Float64Array(articles.length);
  const touched = new Int32Array(articles.length);
  // The best so far, best first, kept in place: most articles share a topic with hundreds of others.
  const keptIds = new Int32Array(limit);
  const keptScores = new Float64Array(limit);
  return articles.map((_, i) => {
    let touchedCount = 0;
    const broad: number[] = [];
    for (let k = articleStart[i]!; k < articleStart[i + 1]!; k++) {
      const t = articleTopics[k]!;
      const w = weight[t]!;
      if (w <= 0) continue;
      if (counts[t]! > BROAD_TOPIC_ARTICLES) {
        broad.push(t);
        continue;
      }
      for (let m = topicStart[t]!; m < topicStart[t + 1]!; m++) {
        const j = topicArticles[m]!;
        if (j === i) continue;
        if (score[j] === 0) touched[touchedCount++] = j;
        score[j]! += w;
      }
    }
    let kept = 0;
    // Highest score first, then nearest to `i` in the list, then first in the list.
    const before = (j: number, a: number, k: number, b: number) => (a !== b ? a > b : Math.abs(j - i) !== Math.abs(k - i) ? Math.abs(j - i) < Math.abs(k - i) : j < k);
    const offer = (j: number, s: number) => {
      if (limit === 0 || (kept === limit && !before(j, s, keptIds[limit - 1]!, keptScores[limit - 1]!))) return;
      let at = kept === limit ? limit - 1 : kept++;
      for (; at > 0 && before(j, s, keptIds[at - 1]!, keptScores[at - 1]!); at--) {
        keptIds[at] = keptIds[at - 1]!;
        keptScores[at] = keptScores[at - 1]!;
      }
      keptIds[at] = j;
      keptScores[at] = s;
    };
    for (let n = 0; n < touchedCount; n++) {
      const j = touched[n]!;
      const s = score[j]!;
      score[j] = 0;
      // Most score lower than the last kept, which is all that `offer` would find.
      if (kept < limit || s >= keptScores[limit - 1]!) offer(j, s);
    }
    if (touchedCount < limit) {
      const found = new Set(touched.subarray(0, touchedCount));
      for (const t of broad) {
        for (const j of nearest(topicArticles.subarray(topicStart[t]!, topicStart[t + 1]!), i, limit)) {
          if (found.has(j)) continue;
          found.add(j);
          offer(j, weight[t]!);
        }
      }
    }
    return Array.from(keptIds.subarray(0, kept));
  });
}

/** Up to `count` entries of an ascending list nearest to `i` on each side, `i` itself left out. */
function nearest(list: Int32Array, i: number, count: number): Int32Array {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  const start = Math.max(0, lo - count);
  return list.slice(start, lo + count + 1).filter((j) => j !== i);
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
