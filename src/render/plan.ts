/**
 * The page plan: every page rendered from a list of items (articles, topic pages, feeds, date
 * and publisher pages), with the file it becomes and a fingerprint of everything it shows. A
 * page whose fingerprint has not changed since the last build need not be rendered again.
 */
import { digestItem, type ContentNames, type DigestMemo } from "./digest.js";
import type { SiteData } from "./site-data.js";

/** Lists of items the templates paginate over, one page per item, each with its address. */
export interface PageFamilies {
  readonly articles: readonly { readonly url: string }[];
  readonly duplicates: readonly { readonly url: string }[];
  readonly topicPages: readonly { readonly url: string }[];
  readonly topicYears: readonly { readonly url: string }[];
  readonly topicFeeds: readonly { readonly url: string }[];
  readonly months: readonly { readonly url: string }[];
  readonly years: readonly { readonly url: string }[];
  readonly publishers: readonly { readonly url: string }[];
  readonly sitemaps: readonly { readonly url: string }[];
}

/** One planned page. */
export interface PlannedPage {
  /** Site-relative file, e.g. `articles/some-slug/index.html`. */
  readonly file: string;
  /** Hash of the page's item and of everything every page shares (templates, site settings). */
  readonly fingerprint: string;
  /** Name of what the page is made from, when known (see `namePageInputs`). */
  readonly inputs?: string;
}

/** What {@link planPages} knows besides the items. */
export interface PlanOptions {
  /** Values the items show whose content is known by a name (see `nameContent`). */
  readonly names?: ContentNames;
  /** Names of what pages are made from, by address (see `namePageInputs`). */
  readonly inputs?: ReadonlyMap<string, string>;
  /**
   * The last build's pages: one made from inputs of the same name keeps its fingerprint, and its
   * item is not digested.
   */
  readonly previous?: ReadonlyMap<string, PlannedPage>;
  /**
   * Digest every item even so, and throw if a page made from inputs of the same name as before
   * would have had another fingerprint: a check that the inputs' names cover what pages show.
   */
  readonly check?: boolean;
}

/**
 * The item lists of the site's paginated pages.
 *
 * @param data The site's view models.
 */
export function pageFamilies(data: SiteData): PageFamilies {
  return {
    articles: data.articles,
    duplicates: data.duplicates,
    topicPages: data.topicPages,
    topicYears: data.topicYears,
    topicFeeds: data.topicFeeds,
    months: data.dates.months,
    years: data.dates.years,
    publishers: data.publishers,
    sitemaps: data.sitemap.parts,
  };
}

/**
 * The file a page address is written to: `index.html` inside folders, the address itself for
 * files such as feeds.
 *
 * @param url Site-relative address starting with `/`.
 */
export function fileForUrl(url: string): string {
  const relative = url.replace(/^\/+/, "");
  return relative === "" || relative.endsWith("/") ? `${relative}index.html` : relative;
}

/** Keys of view models whose objects other pages show too: article summaries and topic links (see `digestItem`). */
const SHARED_VALUES: ReadonlySet<string> = new Set(["related", "earlier", "later", "alsoPublishedAs", "topics", "canonical"]);

/**
 * Plan the paginated pages.
 *
 * @param families Item lists, from {@link pageFamilies}.
 * @param shared A key for what every page shares (templates, configuration, site settings).
 * @param options Named values, and what pages are made from now and were in the last build.
 * @returns Planned pages by address.
 */
export function planPages(families: PageFamilies, shared: string, options: PlanOptions = {}): Map<string, PlannedPage> {
  const { names, inputs, previous, check = false } = options;
  const plan = new Map<string, PlannedPage>();
  const memo: DigestMemo = new WeakMap();
  for (const [family, items] of Object.entries(families) as [string, readonly { url: string }[]][]) {
    const prefix = `${shared}\0${family}\0`;
    for (const item of items) {
      const file = fileForUrl(item.url);
      const made = inputs?.get(item.url);
      const before = made === undefined ? undefined : previous?.get(item.url);
      const same = before !== undefined && before.inputs === made;
      if (same && !check) {
        plan.set(item.url, { file, fingerprint: before.fingerprint, inputs: made });
        continue;
      }
      const fingerprint = digestItem(item, memo, { shared: SHARED_VALUES, prefix, names });
      if (same && fingerprint !== before.fingerprint) throw new Error(`planPages: ${item.url} shows something its inputs' name does not cover`);
      plan.set(item.url, made === undefined ? { file, fingerprint } : { file, fingerprint, inputs: made });
    }
  }
  return plan;
}

/**
 * A new set of item lists, each made by `fn` from the same family's list.
 *
 * @param families Item lists.
 * @param fn Makes one family's new list from its items.
 */
export function mapFamilies(families: PageFamilies, fn: (items: readonly { readonly url: string }[]) => { readonly url: string }[]): PageFamilies {
  return Object.fromEntries(Object.entries(families).map(([name, items]) => [name, fn(items)])) as unknown as PageFamilies;
}

/**
 * Keep, in each family, only the items `keep` accepts.
 *
 * @param families Item lists.
 * @param keep Test on an item's address.
 */
export function filterFamilies(families: PageFamilies, keep: (url: string) => boolean): PageFamilies {
  return mapFamilies(families, (items) => items.filter((item) => keep(item.url)));
}
