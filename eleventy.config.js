/**
 * Eleventy configuration for the archive's pages. The build (src/render/eleventy.ts) runs
 * Eleventy from code with `templates/` as input and passes the archive's data in; this file
 * holds what does not change between archives: template formats, Nunjucks settings, filters
 * and the copy of `public/`.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(fileURLToPath(import.meta.url));

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.setTemplateFormats(["njk"]);
  // Everything printed is escaped unless a template says `| safe` (only pre-sanitised HTML does).
  eleventyConfig.setNunjucksEnvironmentOptions({ autoescape: true, throwOnUndefined: false });
  eleventyConfig.addPassthroughCopy({ [path.join(root, "public")]: "/" });
  eleventyConfig.setQuietMode(true);
  eleventyConfig.addFilter("json", (value) => JSON.stringify(value).replace(/</g, "\\u003c"));
  eleventyConfig.addFilter("absolute", (url, base) => new URL(String(url), base).href);
}

export const config = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  dir: { includes: "_includes", layouts: "_includes", data: "_data" },
};
