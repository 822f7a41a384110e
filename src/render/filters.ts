/**
 * The templates' filters: what a page derives from its data only when it is rendered, so that
 * pages kept from the last build never pay for it. Registered by `eleventy.config.js`.
 */
import type { Block } from "../record.js";
import { renderBody } from "./body-html.js";
import { newsArticle, toScriptJson, type NewsArticleInput } from "./json-ld.js";

/**
 * An article's body as sanitised HTML, as plain text: the article page marks it safe, feeds
 * print it escaped.
 *
 * @param blocks The body blocks (none when missing).
 */
export function bodyHtml(blocks: readonly Block[] | null | undefined): string {
  return renderBody(blocks ?? []);
}

/**
 * An article's schema.org `NewsArticle`, escaped for a `<script type="application/ld+json">`
 * element.
 *
 * @param article The article page's data (its `url` is site-relative).
 * @param siteUrl The site's absolute base URL, ending in `/`.
 */
export function jsonLd(article: NewsArticleInput & { readonly url: string }, siteUrl: string): string {
  return toScriptJson(newsArticle(article, new URL(article.url.slice(1), siteUrl).href));
}
