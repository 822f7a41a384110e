/** Keeping the best few of many items while they are offered, without sorting them all. */

/** The first `limit` items offered, in the order `before` defines. */
export class Best<T> {
  readonly #kept: T[] = [];

  /**
   * @param limit Most items kept.
   * @param before Whether item `a` comes before item `b` (a strict order).
   */
  constructor(
    readonly limit: number,
    readonly before: (a: T, b: T) => boolean,
  ) {}

  /** Offer an item: kept when it is among the best so far. */
  offer(item: T): void {
    const kept = this.#kept;
    if (this.limit === 0 || (kept.length === this.limit && !this.before(item, kept[kept.length - 1]!))) return;
    let at = kept.length;
    while (at > 0 && this.before(item, kept[at - 1]!)) at--;
    kept.splice(at, 0, item);
    if (kept.length > this.limit) kept.pop();
  }

  /** The items kept, best first. */
  items(): readonly T[] {
    return this.#kept;
  }
}
