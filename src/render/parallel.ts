/**
 * Rendering on two cores: article pages (the most numerous, and needing nothing but their own
 * view model and the site settings) render in a worker thread while the main thread renders
 * the rest. Small sites render in one pass.
 */
import { request, startWorker } from "../threads.js";
import { renderSite } from "./eleventy.js";
import type { PageFamilies } from "./plan.js";
import type { SiteData } from "./site-data.js";
import type { RenderReply } from "./worker.js";

/** Below this many article pages to render, one thread renders everything. */
export const PARALLEL_RENDER_THRESHOLD = 1000;
const ARTICLE_TEMPLATES = ["article.njk", "duplicate.njk"];

/**
 * Render the pages of `families` and every single page into `outDir`.
 *
 * @param data The site's view models.
 * @param families The paginated pages to render.
 * @param outDir Folder to write into.
 * @returns The files written, relative to `outDir`, sorted.
 */
export async function renderInParallel(data: SiteData, families: PageFamilies, outDir: string): Promise<string[]> {
  if (families.articles.length + families.duplicates.length < PARALLEL_RENDER_THRESHOLD) return renderSite(data, { outDir, families });
  const none: PageFamilies = { articles: [], duplicates: [], topicPages: [], topicFeeds: [], months: [], years: [], publishers: [] };
  const worker = startWorker(new URL("./worker.js", import.meta.url));
  try {
    const articles = request<RenderReply>(worker, {
      id: 1,
      data: { site: data.site, base: data.base },
      options: { outDir, families: { ...none, articles: families.articles, duplicates: families.duplicates }, only: ARTICLE_TEMPLATES },
    });
    const [rest, reply] = await Promise.all([renderSite(data, { outDir, families, except: ARTICLE_TEMPLATES }), articles]);
    if (reply.error !== undefined) throw new Error(reply.error);
    return [...rest, ...reply.files!].sort();
  } finally {
    await worker.terminate();
  }
}
