/** Atom feeds: the site's latest articles, and each topic's. */
import { memoized } from "../memo.js";
import type { Block } from "../record.js";
import type { ArticleView } from "./site-data.js";

/** How many entries the site feed holds (with full text). */
export const FEED_SIZE = 50;
/** How many entries a topic feed holds (summaries only). */
export const TOPIC_FEED_SIZE = 20;

const EPOCH = "1970-01-01T00:00:00Z";

/** One entry of a feed. */
export interface FeedEntry {
  readonly title: string;
  readonly url: string;
  /** RFC 3339 publication date. */
  readonly published: string;
  /** RFC 3339 date of the latest change the text states (its publication date otherwise). */
  readonly updated: string;
  readonly authors: readonly string[];
  /** The article's topics, as categories (full-text feeds only). */
  readonly topics: readonly { readonly name: string }[];
  readonly excerpt: string;
  /** The article's text, rendered by the feed template (`bodyHtml` filter); null in summary-only feeds. */
  readonly body: readonly Block[] | null;
}

/** Everything an Atom feed file holds. */
export interface FeedView {
  /** The feed's own address (site-relative). */
  readonly url: string;
  readonly title: string;
  /** The page the feed follows. */
  readonly homeUrl: string;
  /** RFC 3339 date of the newest entry, or of the archive's newest article when it has none. */
  readonly updated: string;
  readonly entries: readonly FeedEntry[];
}

/**
 * An RFC 3339 date-time for a record date (`YYYY-MM-DD` is taken as midnight UTC); the Unix
 * epoch when there is no usable date.
 *
 * @param value `YYYY-MM-DD…` or null.
 */
export function rfc3339(value: string | null | undefined): string {
  return value ? dateTime(value) : EPOCH;
}

/** {@link rfc3339} of a date: a site's pages state each date many times. */
const dateTime = memoized((value: string) => {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? EPOCH : date.toISOString().replace(/\.000Z$/, "Z");
});

/**
 * When an article last changed, as RFC 3339: its update date when later than its publication.
 *
 * @param article Publication and update dates.
 */
export function lastChanged(article: { readonly published: string | null; readonly updated: string | null }): string {
  const published = rfc3339(article.published);
  const updated = rfc3339(article.updated);
  return updated !== EPOCH && updated > published ? updated : published;
}

/**
 * A feed of the latest dated articles.
 *
 * @param articles Articles newest first.
 * @param feed Address, title and home page of the feed.
 * @param options How many entries, whether they carry the full text and categories (summary
 *   feeds leave both out: they are many, and small), and the date to state when no entry has one.
 */
export function buildFeed(
  articles: readonly ArticleView[],
  feed: { readonly url: string; readonly title: string; readonly homeUrl: string },
  options: {
    readonly size: number;
    readonly fullText: boolean;
    readonly fallbackUpdated: string | null;
    /** Entries made for other feeds of the same kind, by article, to share rather than make again. */
    readonly made?: WeakMap<ArticleView, FeedEntry>;
  },
): FeedView {
  const entries: FeedEntry[] = [];
  for (const a of articles) {
    if (entries.length === options.size) break;
    if (a.published === null) continue;
    let entry = options.made?.get(a);
    if (entry === undefined) {
      entry = {
        title: a.title,
        url: a.url,
        published: rfc3339(a.published),
        updated: lastChanged(a),
        authors: a.authors,
        topics: options.fullText ? a.topics : [],
        excerpt: a.excerpt,
        body: options.fullText ? a.body : null,
      };
      options.made?.set(a, entry);
    }
    entries.push(entry);
  }
  const newest = entries.reduce<string | null>((max, e) => (max === null || e.updated > max ? e.updated : max), null);
  return { ...feed, updated: newest ?? rfc3339(options.fallbackUpdated), entries };
}
