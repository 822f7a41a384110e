/**
 * The sitemap: one file listing every page, or, past the protocol's limit of 50,000 addresses
 * per file, an index of files each listing at most that many.
 */

/** Most addresses one sitemap file may list (sitemaps.org protocol). */
export const SITEMAP_LIMIT = 50_000;

/** One page of the sitemap. */
export interface SitemapEntry {
  readonly url: string;
  /** RFC 3339 date of the page's latest change, when known. */
  readonly lastmod: string | null;
}

/** One file of a sitemap cut into parts. */
export interface SitemapPart {
  /** Site-relative address of the file, e.g. `/sitemaps/1.xml`. */
  readonly url: string;
  readonly entries: readonly SitemapEntry[];
}

/** What `/sitemap.xml` lists: its pages, or, when cut into parts, the parts (each a file of its own). */
export interface Sitemap {
  /** Every page, when they fit in one file; empty otherwise. */
  readonly entries: readonly SitemapEntry[];
  /** The parts, when the pages do not fit in one file; empty otherwise. */
  readonly parts: readonly SitemapPart[];
}

/**
 * Lay out the sitemap of `entries`, in their order.
 *
 * @param entries Every page to list.
 * @param limit Most addresses per file.
 */
export function buildSitemap(entries: readonly SitemapEntry[], limit = SITEMAP_LIMIT): Sitemap {
  if (entries.length <= limit) return { entries, parts: [] };
  const parts: SitemapPart[] = [];
  for (let start = 0; start < entries.length; start += limit) {
    parts.push({ url: `/sitemaps/${parts.length + 1}.xml`, entries: entries.slice(start, start + limit) });
  }
  return { entries: [], parts };
}
