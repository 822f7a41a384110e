/**
 * Rendering large sites in chunks, on two cores, in bounded memory. Eleventy keeps every page
 * of a run in memory, so the paginated pages (articles, topic pages, feeds, date and publisher
 * pages) are cut into chunks of a few thousand, each rendered by its own Eleventy run on one of
 * two worker threads, while the main thread renders the single pages (home, indexes, sitemap),
 * which need the whole site's data. A chunk's pages need nothing but their own items and the
 * site settings, so only those are sent. Small sites render in one run on the main thread.
 */
import { availableParallelism } from "node:os";
import type { Worker } from "node:worker_threads";
import { request, startWorker } from "../threads.js";
import { renderSite } from "./eleventy.js";
import { mapFamilies, type PageFamilies } from "./plan.js";
import type { SiteData } from "./site-data.js";
import type { RenderReply } from "./worker.js";

/** Most paginated pages per Eleventy run. */
export const CHUNK_PAGES = 2000;
/**
 * A render worker whose heap holds more than this after a run is replaced by a fresh one:
 * Eleventy leaves part of each run behind, and a thread's memory is only given back when the
 * thread ends.
 */
const WORKER_HEAP_LIMIT = 200 * 1024 * 1024;
/** The templates paginating over {@link PageFamilies}. */
const PAGINATED = ["article.njk", "duplicate.njk", "topic.njk", "topic-feed.njk", "month.njk", "year.njk", "publisher.njk"];

/**
 * Render the pages of `families` and every single page into `outDir`.
 *
 * @param data The site's view models.
 * @param families The paginated pages to render.
 * @param outDir Folder to write into.
 * @param chunkPages Most paginated pages per Eleventy run.
 * @returns The files written, relative to `outDir`, sorted.
 */
export async function renderInParallel(data: SiteData, families: PageFamilies, outDir: string, chunkPages = CHUNK_PAGES): Promise<string[]> {
  const chunks = chunkFamilies(families, chunkPages);
  if (chunks.length === 1) return renderSite(data, { outDir, families });
  const written: string[] = [];
  let next = 0;
  const renderChunks = async () => {
    let worker: Worker | null = null;
    try {
      while (next < chunks.length) {
        const id = next++;
        worker ??= startWorker(new URL("./worker.js", import.meta.url));
        const reply = await request<RenderReply>(worker, { id, data: { site: data.site, base: data.base }, options: { outDir, families: chunks[id]!, only: PAGINATED } });
        if (reply.error !== undefined) throw new Error(reply.error);
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
  const single = renderSite(data, { outDir, families: mapFamilies(families, () => []) });
  await Promise.all([single.then((files) => written.push(...files)), ...Array.from({ length: threads }, renderChunks)]);
  return written.sort();
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
