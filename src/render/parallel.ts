/**
 * Rendering large sites in chunks, on two cores, in bounded memory. Eleventy keeps every page
 * of a run in memory, so the paginated pages (articles, topic pages, feeds, date and publisher
 * pages) are cut into chunks of a few thousand, each rendered by its own Eleventy run on one of
 * two worker threads, while the main thread renders the single pages (home, indexes, sitemap).
 * A chunk's pages need nothing but their own items and the site settings, so each chunk's
 * items are written to a file of their own before rendering starts, and the site data the
 * single pages do not need is let go: the main thread then holds little more than the lists
 * and counts the single pages show. Small sites render in one run on the main thread.
 *
 * For a large archive, a {@link WarmRenderer} begins one of the workers as the build starts:
 * it loads Eleventy while the archive is read and linked (the other core is free then), and
 * renders the single pages too, so that the main thread never loads Eleventy at all.
 */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { availableParallelism } from "node:os";
import path from "node:path";
import { serialize } from "node:v8";
import type { Worker } from "node:worker_threads";
import { collectGarbage, request, startWorker } from "../threads.js";
import type { RenderData } from "./eleventy.js";
import { EMPTY_FAMILIES, mapFamilies, type PageFamilies } from "./plan.js";
import type { SiteData } from "./site-data.js";
import type { RenderReply, RenderRequest } from "./worker.js";

/** Least articles for which a build begins a {@link WarmRenderer}: loading Eleventy on a thread of its own costs more than it saves in smaller builds. */
export const WARM_RENDER_MIN_ARTICLES = 1000;

/** The render worker's module. */
const WORKER = new URL("./worker.js", import.meta.url);

/** Most paginated pages per Eleventy run. */
export const CHUNK_PAGES = 2000;
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
 * Render a prepared job into `outDir`: on `warm`, when given (see {@link WarmRenderer.render});
 * otherwise chunks on two worker threads, single pages on this one.
 *
 * @param job From {@link prepareRender}.
 * @param outDir Folder to write into.
 * @param warm A render worker begun earlier.
 * @returns The files written, relative to `outDir`, sorted.
 */
export async function renderJob(job: RenderJob, outDir: string, warm: WarmRenderer | null = null): Promise<string[]> {
  if (warm !== null) return warm.render(job, outDir);
  const { renderSite } = await import("./eleventy.js");
  if (job.chunks === undefined) return renderSite(job.data, { outDir, families: job.families });
  const { chunks, data } = job;
  const written: string[] = [];
  try {
    // The site data the caller let go of, and later the single pages' run, are collected at once.
    collectGarbage();
    const single = renderSite(data, { outDir, families: EMPTY_FAMILIES }).then((files) => {
      written.push(...files);
      collectGarbage();
    });
    await Promise.all([single, renderChunks(chunks, data, outDir, written)]);
  } finally {
    await rm(job.folder, { recursive: true, force: true });
  }
  return written.sort();
}

/**
 * A render worker begun before the pages are known (see the module's description): it loads
 * Eleventy at once, while the build goes on, and renders the job given to {@link render}.
 */
export class WarmRenderer {
  #worker: Worker | null = startWorker(WORKER);

  /**
   * Render a prepared job into `outDir` on this worker: a job of one chunk in one run; the
   * single pages of a larger one, and then its chunks, beside a second worker.
   *
   * @param job From {@link prepareRender}.
   * @param outDir Folder to write into.
   * @returns The files written, relative to `outDir`, sorted.
   */
  async render(job: RenderJob, outDir: string): Promise<string[]> {
    const worker = this.#worker;
    if (worker === null) throw new Error("render: the warm renderer was used already, or closed");
    this.#worker = null;
    const written: string[] = [];
    try {
      if (job.chunks === undefined) {
        const reply = await request<RenderReply>(worker, { id: 0, data: singlePageData(job.data), families: job.families, options: { outDir } } satisfies RenderRequest);
        written.push(...filesOf(reply));
      } else {
        // The site data the caller let go of is collected first; the chunks' loop ends the
        // worker, after the single pages it renders first.
        collectGarbage();
        const singles = request<RenderReply>(worker, { id: -1, data: job.data, options: { outDir } } satisfies RenderRequest);
        const [reply] = await Promise.all([singles, renderChunks(job.chunks, job.data, outDir, written, worker)]);
        written.push(...filesOf(reply));
      }
    } finally {
      await worker.terminate();
      if (job.chunks !== undefined) await rm(job.folder, { recursive: true, force: true });
    }
    return written.sort();
  }

  /** Stop the worker, unused. */
  async close(): Promise<void> {
    const worker = this.#worker;
    this.#worker = null;
    await worker?.terminate();
  }
}

/** The files of a render reply, or its error thrown. */
function filesOf(reply: RenderReply): readonly string[] {
  if (reply.error !== undefined) throw new Error(reply.error);
  return reply.files!;
}

/**
 * Render the paginated pages of `chunks` on two worker threads (one of them `first`, if
 * given), adding the files written to `written`. A worker whose heap stays large after a run
 * is replaced by a fresh one.
 */
async function renderChunks(chunks: readonly string[], data: RenderData, outDir: string, written: string[], first: Worker | null = null): Promise<void> {
  let next = 0;
  let spare = first;
  const renderOnOne = async () => {
    let worker: Worker | null = spare;
    spare = null;
    try {
      while (next < chunks.length) {
        const id = next++;
        worker ??= startWorker(WORKER);
        const reply = await request<RenderReply>(worker, { id, data: { site: data.site, base: data.base }, chunk: chunks[id]!, options: { outDir, only: PAGINATED } } satisfies RenderRequest);
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
  const threads = Math.max(1, Math.min(2, availableParallelism(), chunks.length));
  try {
    await Promise.all(Array.from({ length: threads }, renderOnOne));
  } finally {
    await spare?.terminate();
  }
}

/**
 * Where the chunk files of a render into `outDir` go: a folder beside it.
 *
 * @param outDir The folder pages are rendered into.
 */
export function chunkFolder(outDir: string): string {
  return `${path.resolve(outDir)}.chunks`;
}


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
