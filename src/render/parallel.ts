/**
 * Rendering large sites in chunks, on two cores, in bounded memory. Eleventy keeps every page
 * of a run in memory, so the paginated pages (articles, topic pages, feeds, date and publisher
 * pages) are cut into chunks of a few thousand, each rendered by its own Eleventy run on one of
 * two worker threads, while the main thread renders the single pages (home, indexes, sitemap).
 * A chunk's pages need nothing but their own items and the site settings, so each chunk's
 * items are written to a file of their own before rendering starts, and the site data the
 * single pages do not need is let go: the main thread then holds little more than the lists
 * and counts the single pages show. Small sites render in one run on the main thread.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { serialize } from "node:v8";
import type { Worker } from "node:worker_threads";
import { collectGarbage, request, startWorker } from "../threads.js";
import type { RenderData } from "./eleventy.js";
import { mapFamilies, type PageFamilies } from "./plan.js";
import type { SiteData } from "./site-data.js";
import type { RenderReply } from "./worker.js";

/**
 * Most paginated pages per Eleventy run. A run's pages are all in memory until it ends, and two
 * runs go at once: at 10,000 articles, chunks of 2,000 peaked at 903 to 943 MB in all, chunks
 * of 1,500 at 808 to 849 MB for about 3% more CPU time (1,000: 767 to 774 MB, 10% more).
 */
export const CHUNK_PAGES = 1500;
/**
 * A render worker whose heap still holds more than this after a run (and a garbage
 * collection) is replaced by a fresh one, should anything keep what a run made: a thread's
 * memory is only given back for certain when the thread ends.
 */
const WORKER_HEAP_LIMIT = 200 * 1024 * 1024;
/** The templates paginating over {@link PageFamilies}. */
const PAGINATED = ["article.njk", "duplicate.njk", "topic.njk", "topic-year.njk", "topic-feed.njk", "month.njk", "year.njk", "publisher.njk", "sitemap-part.njk"];

/** Pages ready to render, holding no more of the site data than rendering them needs. */
export type RenderJob =
  /** One Eleventy run renders everything from the whole site data. */
  | { readonly data: SiteData; readonly families: PageFamilies; readonly chunks?: undefined }
  | {
      /** What the single pages show. */
      readonly data: RenderData;
      /** Files holding each chunk's items, in a folder of their own. */
      readonly chunks: readonly string[];
      readonly folder: string;
    };

/**
 * Prepare the pages of `families` and every single page for {@link renderJob}: a site of one
 * chunk is kept as it is; a larger one has its chunks written below `folder`, and keeps only
 * what the single pages need. The caller then lets go of `data` and `families`.
 *
 * @param data The site's view models.
 * @param families The paginated pages to render.
 * @param folder A folder to create for the chunk files (removed by {@link renderJob}).
 * @param chunkPages Most paginated pages per Eleventy run.
 */
export async function prepareRender(data: SiteData, families: PageFamilies, folder: string, chunkPages = CHUNK_PAGES): Promise<RenderJob> {
  const chunks = chunkFamilies(families, chunkPages);
  if (chunks.length === 1) return { data, families };
  await mkdir(folder, { recursive: true });
  const files: string[] = [];
  try {
    for (let i = 0; i < chunks.length; i++) {
      const file = path.join(folder, `${i}.v8`);
      await writeFile(file, serialize(chunks[i]));
      files.push(file);
    }
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return { data: singlePageData(data), chunks: files, folder };
}

/**
 * Render a prepared job into `outDir`: chunks on two worker threads, single pages on this one.
 *
 * @param job From {@link prepareRender}.
 * @param outDir Folder to write into.
 * @returns The files written, relative to `outDir`, sorted.
 */
export async function renderJob(job: RenderJob, outDir: string): Promise<string[]> {
  // Eleventy is loaded only when something is rendered: a rebuild with nothing to do never loads it.
  const { renderSite } = await import("./eleventy.js");
  if (job.chunks === undefined) return renderSite(job.data, { outDir, families: job.families });
  const { chunks, data } = job;
  const written: string[] = [];
  let next = 0;
  const renderChunks = async () => {
    let worker: Worker | null = null;
    try {
      while (next < chunks.length) {
        const id = next++;
        worker ??= startWorker(new URL("./worker.js", import.meta.url));
        const reply = await request<RenderReply>(worker, { id, data: { site: data.site, base: data.base }, chunk: chunks[id]!, options: { outDir, only: PAGINATED } });
        if (reply.error !== undefined) {
          next = chunks.length;
          throw new Error(reply.error);
        }
        written.push(...reply.files!);
        if (reply.heapUsed! > WORKER_HEAP_LIMIT) {
          await worker.terminate();
          worker = null;
        }
      }
    } finally {
      await worker?.terminate();
    }
  };
  try {
    // The site data the caller let go of, and later the single pages' run, are collected at once.
    collectGarbage();
    const threads = Math.max(1, Math.min(2, availableParallelism(), chunks.length));
    const single = renderSite(data, { outDir, families: EMPTY_FAMILIES }).then((files) => {
      written.push(...files);
      collectGarbage();
    });
    await Promise.all([single, ...Array.from({ length: threads }, renderChunks)]);
  } finally {
    await rm(job.folder, { recursive: true, force: true });
  }
  return written.sort();
}

/**
 * Where the chunk files of a render into `outDir` go: a folder beside it.
 *
 * @param outDir The folder pages are rendered into.
 */
export function chunkFolder(outDir: string): string {
  return `${path.resolve(outDir)}.chunks`;
}

const EMPTY_FAMILIES: PageFamilies = { articles: [], duplicates: [], topicPages: [], topicYears: [], topicFeeds: [], months: [], years: [], publishers: [], sitemaps: [] };

/**
 * What the single pages need of the site data: all but the paginated lists the chunks carry
 * (the sitemap's parts among them: `/sitemap.xml` only lists their addresses), and of each
 * article only its address and last change.
 */
function singlePageData(data: SiteData): RenderData {
  const { articles, topicPages: _pages, topicYears: _years, topicFeeds: _feeds, duplicates: _copies, sitemap, ...rest } = data;
  return { ...rest, articles: articles.map((a) => ({ url: a.url, lastmod: a.lastmod })), sitemap: { entries: sitemap.entries, parts: sitemap.parts.map((p) => ({ url: p.url, entries: [] })) } };
}

/**
 * Cut the item lists into chunks of at most `size` items in all, keeping list order.
 *
 * @param families Item lists.
 * @param size Most items per chunk.
 */
export function chunkFamilies(families: PageFamilies, size: number): PageFamilies[] {
  const chunks: Record<string, { readonly url: string }[]>[] = [];
  let count = size;
  for (const [name, items] of Object.entries(families) as [string, readonly { readonly url: string }[]][]) {
    for (const item of items) {
      if (count === size) {
        chunks.push(mapFamilies(families, () => []) as unknown as Record<string, { readonly url: string }[]>);
        count = 0;
      }
      chunks.at(-1)![name]!.push(item);
      count++;
    }
  }
  if (chunks.length === 0) chunks.push(mapFamilies(families, () => []) as unknown as Record<string, { readonly url: string }[]>);
  return chunks as unknown as PageFamilies[];
}
