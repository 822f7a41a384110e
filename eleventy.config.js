/**
 * Eleventy configuration for the archive's pages. The build (src/render/eleventy.ts) runs
 * Eleventy from code with `templates/` as input and passes the archive's data in; this file
 * holds what does not change between archives: template formats and Nunjucks settings (the
 * build copies `public/` itself). Links and dates arrive ready in the data, which keeps rendering
 * cheap per page; the filters (`src/render/filters.ts`: an article's body HTML and its JSON-LD)
 * make what only the pages being rendered need.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import nunjucks from "nunjucks";
import { bodyHtml, jsonLd } from "./lib/render/filters.js";
import { quickenEscape, quickenFrameSet } from "./lib/render/nunjucks-speed.js";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Nunjucks for the pages. Everything printed is escaped unless a template says `| safe` (only
 * pre-sanitised HTML and JSON already escaped for a script element do).
 */
function nunjucksEnvironment() {
  quickenFrameSet(nunjucks.runtime);
  quickenEscape(nunjucks.lib);
  const loader = new nunjucks.FileSystemLoader([path.join(root, "templates/_includes"), path.join(root, "templates")]);
  const env = new nunjucks.Environment(loader, { autoescape: true, throwOnUndefined: false });
  // Both return plain text, escaped where printed unless the template adds `| safe`.
  env.addFilter("bodyHtml", bodyHtml);
  env.addFilter("jsonLd", jsonLd);
  return env;
}

/**
 * A page template compiled once and rendered for every page it makes (Eleventy's own Nunjucks
 * engine compiles a paginated template anew for each page).
 *
 * @param {nunjucks.Environment} env
 */
function cachedCompiler(env) {
  /** @type {Map<string, (data: object) => Promise<string>>} */
  const compiled = new Map();
  return (source, inputPath) => {
    const key = `${inputPath}\0${source}`;
    let render = compiled.get(key);
    if (!render) {
      const template = new nunjucks.Template(source, env, inputPath, true);
      render = (data) => new Promise((resolve, reject) => template.render(data, (error, html) => (error ? reject(error) : resolve(flat(html)))));
      compiled.set(key, render);
    }
    return render;
  };
}

/**
 * The page as one piece of text. Nunjucks builds a page by joining many small strings, which
 * V8 keeps as a tree of pieces until the text is read; Eleventy holds each page's text until
 * the run ends, and until the file is written the pieces can survive collections of the young
 * generation, which copy every one of them. Reading a character makes V8 join the pieces at
 * once (a copy the file write would make anyway), leaving them to be collected young: in a full
 * build of 10,000 articles, each render thread spent about 400 ms less in such collections.
 *
 * @param {string} html
 */
function flat(html) {
  html.charCodeAt(0);
  return html;
}

/**
 * The compiled templates, kept for every Eleventy run in this thread: a build renders in many
 * runs (one per chunk of pages, and the single pages), and a process that stays up rebuilds
 * again and again. They hold nothing of a run's data.
 */
let compileOnce = null;

/** @param {import("@11ty/eleventy").UserConfig} eleventyConfig */
export default function (eleventyConfig) {
  eleventyConfig.setTemplateFormats(["njk"]);
  const compile = (compileOnce ??= cachedCompiler(nunjucksEnvironment()));
  eleventyConfig.addExtension("njk", { compile: (source, inputPath) => compile(source, inputPath) });
  eleventyConfig.setQuietMode(true);
}

export const config = {
  markdownTemplateEngine: false,
  htmlTemplateEngine: "njk",
  dir: { includes: "_includes", layouts: "_includes", data: "_data" },
};
