/**
 * Eleventy configuration for the archive's pages. The build (src/render/eleventy.ts) runs
 * Eleventy from code with `templates/` as input and passes the archive's data in; this file
 * holds what does not change between archives: template formats, Nunjucks settings, filters
 * and the copy of `public/`.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));
const EPOCH = "1970-01-01T00:00:00Z";

/**
 * An RFC 3339 date-time for a record date (`YYYY-MM-DD` is taken as midnight UTC).
 *
 * @param {string | null | undefined} value
 * @returns {string}
 */
function rfc3339(value) {
  if (!value) return EPOCH;
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  return Number.isNaN(date.getTime()) ? EPOCH : date.toISOString().replace(/\.000Z$/, "Z");
}

/**
 * The latest publication or update date among articles, or `fallback`.
 *
 * @param {readonly { published: string | null; updated: string | null }[]} articles
 * @param {string | null} [fallback]
 * @returns {string | null}
 */
function newestDate(articles, fallback = null) {
  let newest = null;
  for (const a of articles) {
    for (const d of [a.published, a.updated]) if (d && rfc3339(d) !== EPOCH && (!newest || rfc3339(d) > rfc3339(newest))) newest = d;
  }
  return newest ?? fallback;
}

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.setTemplateFormats(["njk"]);
  // Everything printed is escaped unless a template says `| safe` (only pre-sanitised HTML
  // and JSON already escaped for a script element do).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  eleventyConfig.addPassthroughCopy({ [path.join(root, "public")]: "/" });
  eleventyConfig.setQuietMode(true);
  eleventyConfig.addFilter("json", (value) => JSON.stringify(value).replace(/</g, "\\u003c"));
  // Root-relative paths (already carrying the path prefix) resolve against the origin;
  // relative ones against the base URL.
  eleventyConfig.addFilter("absolute", (url, base) => new URL(String(url), base).href);
  eleventyConfig.addFilter("rfc3339", rfc3339);
  eleventyConfig.addFilter("newestDate", newestDate);
}

export const config = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  dir: { includes: "_includes", layouts: "_includes", data: "_data" },
};
