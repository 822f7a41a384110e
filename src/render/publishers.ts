/** Publisher pages: the articles of each outlet. */
import { makeSlug } from "../parse/slug.js";
import type { ArticleSummary } from "./site-data.js";

/** One outlet with its articles, newest first. */
export interface PublisherView {
  readonly name: string;
  readonly slug: string;
  readonly url: string;
  readonly articles: readonly ArticleSummary[];
}

/**
 * Group articles by publisher. Names that differ only in case or punctuation share a page,
 * shown under their most frequent spelling.
 *
 * @param articles Articles in site order.
 * @returns Publishers with most articles first, then by name.
 */
export function buildPublishers(articles: readonly ArticleSummary[]): PublisherView[] {
  const groups = new Map<string, { articles: ArticleSummary[]; names: Map<string, number> }>();
  for (const article of articles) {
    if (!article.publisher) continue;
    const slug = publisherSlug(article.publisher);
    let group = groups.get(slug);
    if (!group) groups.set(slug, (group = { articles: [], names: new Map() }));
    group.articles.push(article);
    group.names.set(article.publisher, (group.names.get(article.publisher) ?? 0) + 1);
  }
  return [...groups]
    .map(([slug, group]) => ({
      name: [...group.names].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0],
      slug,
      url: publisherUrl(slug),
      articles: group.articles,
    }))
    .sort((a, b) => b.articles.length - a.articles.length || a.name.localeCompare(b.name));
}

/**
 * Address of a publisher's page.
 *
 * @param name Publisher as a record names it.
 */
export function publisherUrlFor(name: string): string {
  return publisherUrl(publisherSlug(name));
}

/** Slugs of the publisher names met so far: an archive names few publishers, each in thousands of articles. */
const slugs = new Map<string, string>();

function publisherSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = makeSlug(name, `publisher:${name.toLowerCase()}`);
    slugs.set(name, slug);
  }
  return slug;
}

function publisherUrl(slug: string): string {
  return `/publishers/${slug}/`;
}
