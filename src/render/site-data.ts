/** View models for the templates: articles, topics and the home page, built from records. */
import { memoized } from "../memo.js";
import type { ArticleRecord, Block } from "../record.js";
import type { TopicPage } from "../topics/assign.js";
import type { TopicKind } from "../topics/vocabulary.js";
import { archiveTrail, archiveUrlFor, buildDateArchive, UNDATED_URL, type DateArchive } from "./date-archive.js";
import { buildPublishers, publisherUrlFor, type PublisherView } from "./publishers.js";
import { buildFeed, FEED_SIZE, lastChanged, TOPIC_FEED_SIZE, type FeedEntry, type FeedView } from "./feeds.js";
import { findNeighbours, findRelated } from "./related.js";
import { buildSitemap, type Sitemap, type SitemapEntry } from "./sitemap.js";
/** How many articles and topics the home page shows. */
export const HOME_LATEST = 12;
export const HOME_TOPICS = 12;

/** A link to an article, with what a list shows of it. */
export interface ArticleSummary {
  readonly slug: string;
  readonly url: string;
  readonly title: string;
  readonly published: string | null;
  readonly dateLabel: string;
  readonly publisher: string | null;
  readonly excerpt: string;
}

/** Everything an article page shows. */
export interface ArticleView extends ArticleSummary {
  readonly subtitle: string | null;
  readonly authors: readonly string[];
  readonly updated: string | null;
  readonly dateline: string | null;
  readonly section: string | null;
  /** The body blocks, rendered to sanitised HTML by the templates' `bodyHtml` filter, only for pages being rendered. */
  readonly body: readonly Block[];
  readonly topics: readonly { name: string; url: string }[];
  readonly source: string;
  readonly removed: ArticleRecord["removed"];
  readonly warnings: readonly string[];
  /** The publisher's page, when the publisher is known. */
  readonly publisherUrl: string | null;
  /** The date archive page listing the article (its month, or the undated page). */
  readonly archiveUrl: string;
  /** The date archive pages above the article, outermost first, for breadcrumbs. */
  readonly archiveTrail: readonly { readonly label: string; readonly url: string }[];
  /** Articles sharing the most topics, best first. */
  readonly related: readonly ArticleSummary[];
  /** The article published just before, or null. */
  readonly earlier: ArticleSummary | null;
  /** The article published just after, or null. */
  readonly later: ArticleSummary | null;
  /** Other copies of the same story, merged into this page. */
  readonly alsoPublishedAs: readonly ArticleSummary[];
  /** RFC 3339 date of the latest change, for the sitemap; null when undated. */
  readonly lastmod: string | null;
}

/** The short page a duplicate copy keeps at its own URL, pointing to the canonical article. */
export interface DuplicateView extends ArticleSummary {
  readonly canonical: ArticleSummary;
}

/** Everything a topic page shows. */
export interface TopicView {
  readonly name: string;
  readonly slug: string;
  readonly url: string;
  readonly kind: TopicKind;
  readonly description: string | null;
  readonly spellings: readonly string[];
  readonly articles: readonly ArticleSummary[];
  /** The topic's Atom feed. */
  readonly feedUrl: string;
  /** Topics most often mentioned in the same articles, strongest first. */
  readonly related: readonly { readonly name: string; readonly url: string; readonly shared: number }[];
}

/** What a topic's own page shows of the topic: all but its article list. */
export type TopicHeader = Omit<TopicView, "articles"> & { readonly articleCount: number };

/** A link to one year of a topic's articles (or to its undated ones). */
export interface TopicYearLink {
  /** The year, or "Undated". */
  readonly label: string;
  readonly url: string;
  /** The topic's articles of that year. */
  readonly count: number;
}

/**
 * A topic's own page: the topic, its newest {@link TOPIC_PAGE_SIZE} articles and, when it has
 * more, links to its articles year by year.
 */
export interface TopicListPage {
  readonly topic: TopicHeader;
  readonly url: string;
  readonly articles: readonly ArticleSummary[];
  /** Newest year first, undated last; empty when the page lists all the topic's articles. */
  readonly years: readonly TopicYearLink[];
}

/**
 * One page of a topic's articles from one year, or of its undated ones (pages hold
 * {@link TOPIC_PAGE_SIZE} articles). It shows only what changes with that year's articles, so
 * an article added to the topic leaves the pages of the other years as they were.
 */
export interface TopicYearPage {
  /** The topic's name and page. */
  readonly topic: { readonly name: string; readonly url: string };
  readonly url: string;
  /** The year, or "Undated". */
  readonly label: string;
  /** The topic's articles of that year. */
  readonly articleCount: number;
  readonly pageNumber: number;
  readonly pageCount: number;
  readonly articles: readonly ArticleSummary[];
  readonly previousUrl: string | null;
  readonly nextUrl: string | null;
  /** The topic's years (the same list on each of its year pages), for moving between them. */
  readonly years: readonly { readonly label: string; readonly url: string }[];
}

/** Topics of one kind, for the topics index. */
export interface TopicGroup {
  readonly kind: TopicKind;
  readonly label: string;
  readonly topics: readonly TopicView[];
}

/** The data the templates receive. */
export interface SiteData {
  /** Archive title, absolute base URL, and that URL's origin (`https://host.example`). */
  readonly site: {
    readonly title: string;
    readonly url: string;
    readonly origin: string;
    /** Each asset's address below the site's root, by its plain name (`site.css`; see `nameAssets`). */
    readonly assets: Readonly<Record<string, string>>;
  };
  /** Path the site is served under, without its final slash (`""` at the root, `/archive` below it). */
  readonly base: string;
  readonly articles: readonly ArticleView[];
  readonly topics: readonly TopicView[];
  readonly topicGroups: readonly TopicGroup[];
  /** What the home page shows besides the archive by year. */
  readonly home: { readonly latest: readonly ArticleSummary[]; readonly topics: readonly TopicView[] };
  /** The site's feed: latest dated articles, with their text. */
  readonly siteFeed: FeedView;
  /** Each topic's feed: its latest dated articles, summaries only. */
  readonly topicFeeds: readonly FeedView[];
  /** Articles by year and month. */
  readonly dates: DateArchive;
  readonly publishers: readonly PublisherView[];
  /** Every topic's own page. */
  readonly topicPages: readonly TopicListPage[];
  /** The pages of every topic's articles year by year, for topics with more than one page of articles. */
  readonly topicYears: readonly TopicYearPage[];
  readonly duplicates: readonly DuplicateView[];
  /** Every page but the duplicates' short pages, the search page and the error page. */
  readonly sitemap: Sitemap;
}

/**
 * Articles per topic page. A topic with more has its newest on its own page, and all of them
 * year by year on `/topics/<slug>/<year>/` (and `…/<year>/page/2/` and so on) and
 * `/topics/<slug>/undated/`.
 */
export const TOPIC_PAGE_SIZE = 50;

const KIND_LABELS: Readonly<Record<TopicKind, string>> = {
  organisation: "Organisations and armed groups",
  person: "People",
  place: "Places",
  subject: "Subjects",
};
const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });

/**
 * Build the templates' data: articles newest first (undated last), topics with their
 * articles, topics grouped by kind. Records marked `duplicateOf` get a short page instead of a
 * full one, and their canonical article lists them.
 *
 * @param records All records, slugs unique, duplicates marked, topics assigned.
 * @param topics Topic pages from the topics stage.
 * @param site Archive title, absolute base URL and the assets' addresses.
 */
export function buildSiteData(
  records: readonly ArticleRecord[],
  topics: readonly TopicPage[],
  site: { title: string; url: string; assets: Readonly<Record<string, string>> },
): SiteData {
  const topicUrl = new Map(topics.map((t) => [t.topic.name, `/topics/${t.topic.slug}/`]));
  // One link object per topic, shared by every article that has the topic.
  const topicLinks = new Map([...topicUrl].map(([name, url]) => [name, { name, url }]));
  const copies = new Map<string, ArticleRecord[]>();
  for (const r of records.filter((c) => c.duplicateOf !== undefined).sort(compareRecords)) {
    const list = copies.get(r.duplicateOf!);
    if (list) list.push(r);
    else copies.set(r.duplicateOf!, [r]);
  }
  const sorted = records.filter((r) => r.duplicateOf === undefined).sort(compareRecords);
  const links = sorted.map((r) => ({
    slug: r.slug,
    published: r.published,
    topics: r.topics.filter((t) => topicLinks.has(t)).map((name) => topicLinks.get(name)!),
  }));
  const summaries = sorted.map(summarize);
  const related = findRelated(links);
  const neighbours = findNeighbours(links);
  const at = (i: number | null) => (i === null ? null : summaries[i]!);
  const articles = sorted.map((r, i): ArticleView => {
    const summary = summaries[i]!;
    // The summary's fields one by one: a spread followed by this many more fields makes V8
    // give every object a shape of its own, many times slower to make and to read.
    return {
      slug: summary.slug,
      url: summary.url,
      title: summary.title,
      published: summary.published,
      dateLabel: summary.dateLabel,
      publisher: summary.publisher,
      excerpt: summary.excerpt,
      subtitle: r.subtitle,
      authors: r.authors,
      updated: r.updated,
      dateline: r.dateline,
      section: r.section,
      body: r.body,
      topics: links[i]!.topics,
      source: r.source,
      removed: r.removed,
      warnings: r.warnings,
      publisherUrl: r.publisher ? publisherUrlFor(r.publisher) : null,
      archiveUrl: archiveUrlFor(r.published),
      archiveTrail: archiveTrail(r.published),
      related: related[i]!.map((j) => summaries[j]!),
      earlier: at(neighbours[i]!.earlier),
      later: at(neighbours[i]!.later),
      alsoPublishedAs: (copies.get(r.slug) ?? []).map(summarize),
      lastmod: r.published ? lastChanged(r) : null,
    };
  });
  // Topic and duplicate pages share each article's one summary object rather than copies.
  const summaryOf = new Map(summaries.map((s) => [s.slug, s]));
  const order = new Map(articles.map((a, i) => [a.slug, i]));
  const ownArticles = new Map<string, ArticleView[]>();
  // Each topic's articles year by year, for its year pages.
  const yearsOfTopic: TopicYear[][] = [];
  const years = yearNumbers(summaries);
  const topicViews = topics.map((t): TopicView => {
    // A loop, not `Int32Array.from(list, fn)`, which is several times slower.
    const indexes = new Int32Array(t.articles.length);
    for (let k = 0; k < indexes.length; k++) indexes[k] = order.get(t.articles[k]!)!;
    indexes.sort();
    yearsOfTopic.push(yearsOf(topicUrl.get(t.topic.name)!, indexes, years, summaries));
    ownArticles.set(t.topic.name, Array.from(indexes, (i) => articles[i]!));
    return {
      name: t.topic.name,
      slug: t.topic.slug,
      url: topicUrl.get(t.topic.name)!,
      kind: t.topic.kind,
      description: t.topic.description,
      spellings: t.spellings,
      articles: Array.from(indexes, (i) => summaries[i]!),
      feedUrl: `${topicUrl.get(t.topic.name)!}feed.xml`,
      related: t.related.filter((r) => topicUrl.has(r.name)).map((r) => ({ name: r.name, shared: r.shared, url: topicUrl.get(r.name)! })),
    };
  });
  const topicGroups = (Object.keys(KIND_LABELS) as TopicKind[])
    .map((kind) => ({
      kind,
      label: KIND_LABELS[kind],
      topics: topicViews.filter((t) => t.kind === kind).sort(byArticleCount),
    }))
    .filter((g) => g.topics.length > 0);
  const updated = articles.map((a) => a.published).filter((d): d is string => d !== null).sort().at(-1) ?? null;
  const topicFeedEntries = new WeakMap<ArticleView, FeedEntry>();
  const duplicates = [...copies.values()].flat().map((r): DuplicateView => ({ ...summarize(r), canonical: summaryOf.get(r.duplicateOf!)! }));
  const url = new URL(site.url);
  const dates = buildDateArchive(summaries);
  const publishers = buildPublishers(summaries);
  const topicYearPages = topicViews.flatMap((t, i) => topicYears(t, yearsOfTopic[i]!));
  return {
    site: { title: site.title, url: site.url, origin: url.origin, assets: site.assets },
    base: url.pathname.replace(/\/$/, ""),
    articles,
    topics: topicViews,
    topicGroups,
    home: { latest: summaries.slice(0, HOME_LATEST), topics: [...topicViews].sort(byArticleCount).slice(0, HOME_TOPICS) },
    siteFeed: buildFeed(articles, { url: "/feed.xml", title: site.title, homeUrl: "/" }, { size: FEED_SIZE, fullText: true, fallbackUpdated: updated }),
    topicFeeds: topicViews.map((t) =>
      buildFeed(
        ownArticles.get(t.name)!,
        { url: t.feedUrl, title: `${t.name} · ${site.title}`, homeUrl: t.url },
        { size: TOPIC_FEED_SIZE, fullText: false, fallbackUpdated: updated, made: topicFeedEntries },
      ),
    ),
    dates,
    publishers,
    topicPages: topicViews.map((t, i) => topicPage(t, yearsOfTopic[i]!)),
    topicYears: topicYearPages,
    duplicates,
    sitemap: buildSitemap([
      ...["/", "/topics/", "/dates/", "/publishers/"].map(unchanging),
      ...articles.map((a) => ({ url: a.url, lastmod: a.lastmod })),
      ...[...topicViews, ...topicYearPages, ...publishers, ...dates.years, ...dates.months].map((page) => unchanging(page.url)),
      ...(dates.undated.length > 0 ? [unchanging(UNDATED_URL)] : []),
    ]),
  };
}

/** A sitemap entry with no date of change. */
function unchanging(url: string): SitemapEntry {
  return { url, lastmod: null };
}

/** A topic's own page; `years` from {@link yearsOf}. */
function topicPage(topic: TopicView, years: readonly TopicYear[]): TopicListPage {
  const { articles, ...rest } = topic;
  return {
    topic: { ...rest, articleCount: articles.length },
    url: topic.url,
    articles: articles.slice(0, TOPIC_PAGE_SIZE),
    years: years.map(({ label, url, articles }) => ({ label, url, count: articles.length })),
  };
}

/** A topic's year pages; `years` from {@link yearsOf}. */
function topicYears(topic: TopicView, years: readonly TopicYear[]): TopicYearPage[] {
  const links = years.map(({ label, url }) => ({ label, url }));
  const owner = { name: topic.name, url: topic.url };
  return years.flatMap(({ label, url, articles }) => {
    const pageCount = Math.ceil(articles.length / TOPIC_PAGE_SIZE);
    const urlOf = (n: number) => (n === 1 ? url : `${url}page/${n}/`);
    return Array.from({ length: pageCount }, (_, i) => ({
      topic: owner,
      url: urlOf(i + 1),
      label,
      articleCount: articles.length,
      pageNumber: i + 1,
      pageCount,
      articles: articles.slice(i * TOPIC_PAGE_SIZE, (i + 1) * TOPIC_PAGE_SIZE),
      previousUrl: i > 0 ? urlOf(i) : null,
      nextUrl: i + 1 < pageCount ? urlOf(i + 2) : null,
      years: links,
    }));
  });
}

/**
 * A topic's articles year by year, in list order (newest year first, undated last); none when
 * they all fit on the topic's own page.
 *
 * @param url The topic's page.
 * @param indexes Its articles' places in `summaries`, in list order.
 * @param years Each summary's year, numbered (see {@link yearNumbers}).
 * @param summaries Every article's summary, in list order.
 */
function yearsOf(url: string, indexes: Int32Array, years: YearNumbers, summaries: readonly ArticleSummary[]): TopicYear[] {
  if (indexes.length <= TOPIC_PAGE_SIZE) return [];
  const lists: ArticleSummary[][] = years.keys.map(() => []);
  for (const i of indexes) lists[years.of[i]!]!.push(summaries[i]!);
  return years.keys.flatMap((key, n) => (lists[n]!.length === 0 ? [] : [{ label: key === UNDATED ? "Undated" : key, url: `${url}${key}/`, articles: lists[n]! }]));
}

/** Each article's year (or {@link UNDATED}) as a number, the numbers in page order. */
interface YearNumbers {
  /** Per summary, its year's number. */
  readonly of: Int32Array;
  /** Per number, the year (the address segment of its topic year pages): newest first, undated last. */
  readonly keys: readonly string[];
}

/** Number the years of the summaries' publication dates (see {@link YearNumbers}). */
function yearNumbers(summaries: readonly ArticleSummary[]): YearNumbers {
  const keyOf = summaries.map((s) => {
    const year = s.published?.slice(0, 4);
    return year && /^\d{4}$/.test(year) ? year : UNDATED;
  });
  const keys = [...new Set(keyOf)].filter((k) => k !== UNDATED).sort().reverse();
  if (keyOf.includes(UNDATED)) keys.push(UNDATED);
  const numbers = new Map(keys.map((key, n) => [key, n]));
  return { of: Int32Array.from(keyOf, (key) => numbers.get(key)!), keys };
}

/** One year of a topic's articles (or its undated ones), newest first. */
interface TopicYear {
  readonly label: string;
  readonly url: string;
  readonly articles: readonly ArticleSummary[];
}

/** The year key, and the address segment, of a topic's undated articles. */
const UNDATED = "undated";

/**
 * Human date label: "1 August 2018", or "date unknown".
 *
 * @param iso `YYYY-MM-DD…` or null.
 */
export function dateLabel(iso: string | null): string {
  return iso ? label(iso) : "date unknown";
}

/** {@link dateLabel} of a date: a site's pages state each date many times. */
const label = memoized((iso: string) => {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_FORMAT.format(date);
});

function summarize(r: ArticleRecord): ArticleSummary {
  const first = r.subtitle ?? r.body.find((b) => b.type === "paragraph")?.text ?? "";
  return {
    slug: r.slug,
    url: `/articles/${r.slug}/`,
    title: r.title,
    published: r.published,
    dateLabel: dateLabel(r.published),
    publisher: r.publisher,
    excerpt: first.length > 240 ? `${first.slice(0, 240).replace(/\s+\S*$/, "")}…` : first,
  };
}

function byArticleCount(a: TopicView, b: TopicView): number {
  return b.articles.length - a.articles.length || a.name.localeCompare(b.name);
}

/** Newest first; undated last; then by title and slug, so the order never depends on file order. */
function compareRecords(a: ArticleRecord, b: ArticleRecord): number {
  if (a.published !== b.published) {
    if (a.published === null) return 1;
    if (b.published === null) return -1;
    return a.published < b.published ? 1 : -1;
  }
  return a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug);
}
