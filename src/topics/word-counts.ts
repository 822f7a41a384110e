/** Counting in how many articles each word appears, in one map for the whole archive. */
export class ArticleWordCounts {
  private readonly seen = new Map<string, { articles: number; last: number }>();
  private article = 0;

  /** Start counting the next article: words seen from now on count again. */
  nextArticle(): void {
    this.article++;
  }

  /**
   * Count a word for the current article (once however often it is added).
   *
   * @param word The word as it should be counted.
   */
  add(word: string): void {
    const entry = this.seen.get(word);
    if (entry === undefined) this.seen.set(word, { articles: 1, last: this.article });
    else if (entry.last !== this.article) {
      entry.articles++;
      entry.last = this.article;
    }
  }

  /** Word → number of articles it appeared in. */
  toMap(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const [word, entry] of this.seen) counts.set(word, entry.articles);
    return counts;
  }
}
