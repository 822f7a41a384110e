/**
 * Doc numbers that stay put: each article's number comes from a hash of its slug, so adding or
 * removing another article leaves it (and its result file) unchanged.
 */
import { hash32 } from "../client/format.js";

/** Doc numbers are spread over at least this many times the article count (a power of two). */
export const ID_SPACE_FACTOR = 16;

/**
 * The size of the doc-number space for `count` articles: {@link ID_SPACE_FACTOR} times the
 * next power of two, so it only changes when the archive doubles.
 *
 * @param count Number of articles.
 * @returns A power of two.
 */
export function idSpace(count: number): number {
  let space = 1;
  while (space < count) space *= 2;
  return space * ID_SPACE_FACTOR;
}

/**
 * Give every slug a doc number: its hash within {@link idSpace}; a slug whose number is taken
 * (slugs visited in code-unit order) takes the next free one.
 *
 * @param slugs Distinct slugs.
 * @returns Doc number per slug.
 * @throws Error when a slug appears twice (slugs are made unique before this stage).
 */
export function assignDocIds(slugs: readonly string[]): Map<string, number> {
  const space = idSpace(slugs.length);
  const taken = new Set<number>();
  const ids = new Map<string, number>();
  for (const slug of [...slugs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (ids.has(slug)) throw new Error(`search index: slug "${slug}" appears twice`);
    let id = hash32(slug) % space;
    while (taken.has(id)) id = (id + 1) % space;
    taken.add(id);
    ids.set(slug, id);
  }
  return ids;
}
