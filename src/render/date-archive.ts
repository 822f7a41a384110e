/** Date archive pages: the articles of each year and each month. */
import type { ArticleSummary } from "./site-data.js";

/** One month of the archive, with its articles newest first. */
export interface MonthView {
  /** Four-digit year, e.g. `2018`. */
  readonly year: string;
  /** Two-digit month, e.g. `08`. */
  readonly month: string;
  /** Human label, e.g. `August 2018`. */
  readonly label: string;
  readonly url: string;
  readonly yearUrl: string;
  readonly articles: readonly ArticleSummary[];
}

/** One year of the archive, with its months newest first. */
export interface YearView {
  readonly year: string;
  readonly url: string;
  /** How many articles the year holds. */
  readonly count: number;
  readonly months: readonly MonthView[];
}

/** The date archive: years newest first, and the articles no date could be found for. */
export interface DateArchive {
  readonly years: readonly YearView[];
  readonly months: readonly MonthView[];
  readonly undated: readonly ArticleSummary[];
}

/** Address of the page listing undated articles. */
export const UNDATED_URL = "/dates/undated/";

const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * Group articles by year and month of publication.
 *
 * @param articles Articles newest first (undated last), as the site lists them.
 * @returns Years and months newest first; undated articles in list order.
 */
export function buildDateArchive(articles: readonly ArticleSummary[]): DateArchive {
  const months = new Map<string, ArticleSummary[]>();
  const undated: ArticleSummary[] = [];
  for (const article of articles) {
    const key = article.published?.slice(0, 7);
    if (!key || !/^\d{4}-\d{2}$/.test(key)) {
      undated.push(article);
      continue;
    }
    const list = months.get(key);
    if (list) list.push(article);
    else months.set(key, [article]);
  }
  const monthViews = [...months.keys()]
    .sort()
    .reverse()
    .map((key): MonthView => {
      const [year, month] = key.split("-") as [string, string];
      return {
        year,
        month,
        label: `${MONTH_NAMES[Number(month) - 1] ?? month} ${year}`,
        url: monthUrl(key),
        yearUrl: yearUrl(year),
        articles: months.get(key)!,
      };
    });
  const years: YearView[] = [];
  for (const month of monthViews) {
    const last = years.at(-1);
    if (last && last.year === month.year) {
      (last.months as MonthView[]).push(month);
      years[years.length - 1] = { ...last, count: last.count + month.articles.length };
    } else {
      years.push({ year: month.year, url: month.yearUrl, count: month.articles.length, months: [month] });
    }
  }
  return { years, months: monthViews, undated };
}

/**
 * Address of the archive page an article is listed on: its month, or the undated page.
 *
 * @param published `YYYY-MM-DD…` or null.
 */
export function archiveUrlFor(published: string | null): string {
  const key = published?.slice(0, 7);
  return key && /^\d{4}-\d{2}$/.test(key) ? monthUrl(key) : UNDATED_URL;
}

/**
 * The archive pages above an article, for its breadcrumbs: its year and month, or the
 * undated page.
 *
 * @param published `YYYY-MM-DD…` or null.
 */
export function archiveTrail(published: string | null): { label: string; url: string }[] {
  const key = published?.slice(0, 7);
  if (!key || !/^\d{4}-\d{2}$/.test(key)) return [{ label: "Undated", url: UNDATED_URL }];
  const [year, month] = key.split("-") as [string, string];
  return [
    { label: year, url: yearUrl(year) },
    { label: MONTH_NAMES[Number(month) - 1] ?? month, url: monthUrl(key) },
  ];
}

function monthUrl(key: string): string {
  return `/dates/${key.replace("-", "/")}/`;
}

function yearUrl(year: string): string {
  return `/dates/${year}/`;
}
