/**
 * The archive's case statistics (see `CaseStats`): for each word, how many articles write it in
 * lower case and how many capitalise it mid-sentence. They are sums over articles, so a rebuild
 * updates last build's sums with the articles that came and went instead of counting every
 * article's words again.
 */
import type { ArticleMentions } from "./article-mentions.js";
import type { CaseStats } from "./clean.js";

/** What the statistics count of one article: its distinct words, by case. */
export type ArticleWords = Pick<ArticleMentions, "lowerWords" | "capitalWords">;

/** Case statistics with the articles they were counted over, each by its mentions key. */
export interface CountedCaseStats {
  readonly keys: readonly string[];
  readonly stats: CaseStats;
}

/**
 * Count the case statistics of some articles.
 *
 * @param articles Each article's distinct words, read once, in order.
 */
export function countCaseStats(articles: Iterable<ArticleWords>): CaseStats {
  const stats: CaseStats = { lower: new Map(), capital: new Map() };
  for (const words of articles) addArticle(stats, words, 1);
  return stats;
}

/**
 * The case statistics of the articles `keys`, from `previous` (counted over other articles,
 * which it lets go of) by adding the words of each article that came and taking away those of
 * each that went; counted afresh when there is no previous count or the words of an article
 * that went are not known. Equal, entry for entry, to {@link countCaseStats} over the articles.
 *
 * @param previous Last build's statistics and the keys they were counted over.
 * @param keys Mentions key of each article now (the same key means the same words).
 * @param wordsOf An article's words by its key, or null when they are not known.
 * @throws Error when the words of an article now are not known.
 */
export function updateCaseStats(previous: CountedCaseStats | null, keys: readonly string[], wordsOf: (key: string) => ArticleWords | null): CaseStats {
  const recount = () => countCaseStats(keys.map((key) => known(key, wordsOf(key))));
  if (previous === null) return recount();
  const change = new Map<string, number>();
  for (const key of keys) change.set(key, (change.get(key) ?? 0) + 1);
  for (const key of previous.keys) change.set(key, (change.get(key) ?? 0) - 1);
  const changed = [...change].filter(([, n]) => n !== 0).map(([key, n]) => ({ n, words: wordsOf(key), key }));
  if (changed.some((c) => c.words === null)) return recount();
  const stats = previous.stats;
  for (const c of changed) addArticle(stats, known(c.key, c.words), c.n);
  return stats;
}

function known(key: string, words: ArticleWords | null): ArticleWords {
  if (words === null) throw new Error(`case statistics: no words for mentions ${key}`);
  return words;
}

/** Add `times` to the count of each of an article's words (a negative number takes away); a count reaching zero is removed. */
function addArticle(stats: CaseStats, words: ArticleWords, times: number): void {
  add(stats.lower, words.lowerWords, times);
  add(stats.capital, words.capitalWords, times);
}

function add(counts: Map<string, number>, words: readonly string[], times: number): void {
  for (const w of words) {
    const n = (counts.get(w) ?? 0) + times;
    if (n === 0) counts.delete(w);
    else counts.set(w, n);
  }
}
