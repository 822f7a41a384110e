/** Structured data (schema.org JSON-LD) for article pages. */

/** What the structured data needs of an article. */
export interface NewsArticleInput {
  readonly title: string;
  readonly excerpt: string;
  readonly authors: readonly string[];
  readonly publisher: string | null;
  readonly published: string | null;
  readonly updated: string | null;
  readonly section: string | null;
  readonly dateline: string | null;
}

/**
 * A schema.org `NewsArticle` for one article: headline, dates, authors and publisher. Fields
 * the record does not know are left out rather than guessed.
 *
 * @param article The article.
 * @param url The page's absolute URL.
 * @returns A plain object, ready for {@link toScriptJson}.
 */
export function newsArticle(article: NewsArticleInput, url: string): Record<string, unknown> {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    url,
    mainEntityOfPage: url,
  };
  if (article.excerpt) data.description = article.excerpt;
  if (article.published) data.datePublished = article.published;
  if (article.updated ?? article.published) data.dateModified = article.updated ?? article.published;
  if (article.authors.length) data.author = article.authors.map((name) => ({ "@type": "Person", name }));
  if (article.publisher) data.publisher = { "@type": "Organization", name: article.publisher };
  if (article.section) data.articleSection = article.section;
  if (article.dateline) data.locationCreated = { "@type": "Place", name: article.dateline };
  return data;
}

/**
 * JSON safe to place inside a `<script type="application/ld+json">` element: `<`, `>`, `&`
 * and the two JavaScript line separators are written as `\u` escapes, so no text can close
 * the element or open a comment, and the JSON value is unchanged.
 *
 * @param value Any JSON-serialisable value.
 */
export function toScriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
