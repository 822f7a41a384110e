/** Making article slugs unique across an archive. */
import { MAX_SLUG_LENGTH } from "../parse/slug.js";
import type { ArticleRecord } from "../record.js";

/** `slug-n`, the slug shortened so the result stays within the length limit. */
function withSuffix(slug: string, n: number): string {
  const suffix = `-${n}`;
  return `${slug.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, "")}${suffix}`;
}

/**
 * Give every record a unique slug, in place. Records sharing a slug keep it in order of their
 * source file name; the others get `-2`, `-3`… So the result does not depend on the order the
 * records arrive in.
 *
 * @param records All records of the archive.
 */
export function assignUniqueSlugs(records: ArticleRecord[]): void {
  const taken = new Set<string>();
  const bySlug = new Map<string, ArticleRecord[]>();
  for (const r of records) {
    const group = bySlug.get(r.slug);
    if (group) group.push(r);
    else bySlug.set(r.slug, [r]);
  }
  for (const r of records) taken.add(r.slug);
  for (const [slug, group] of [...bySlug].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (group.length < 2) continue;
    group.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : 0));
    let n = 2;
    for (const r of group.slice(1)) {
      while (taken.has(withSuffix(slug, n))) n++;
      r.slug = withSuffix(slug, n);
      taken.add(r.slug);
    }
  }
}
