/**
 * Rendering large sites in chunks, on two cores. Eleventy keeps every page of a run in memory,
 * so the paginated pages (articles, topic pages, feeds, date and publisher pages) are cut into
 * chunks of a few thousand, each rendered by its own Eleventy run: the main thread renders the
 * first chunk with the single pages (home, indexes, sitemap), and then it and a worker thread
 * take the other chunks in turn. A chunk's pages need nothing but their own items and the
 * site settings, so only those are sent to the worker. Small sites render in one run.
 */
import { request, startWorker } from "../threads.js";
import { renderSite } from "./eleventy.js";
import { mapFamilies, type PageFamilies } from "./plan.js";
import type { SiteData } from "./site-data.js";
import type { RenderReply } from "./worker.js";

/** Most paginated pages per Eleventy run. */
export const CHUNK_PAGES = 3000;
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
  let next = 1;
  const worker = startWorker(new URL("./worker.js", import.meta.url));
  try {
    const onWorker = async () => {
      while (next < chunks.length) {
        const chunk = chunks[next++]!;
        const reply = await request<RenderReply>(worker, { id: next, data: { site: data.site, base: data.base }, options: { outDir, families: chunk, only: PAGINATED } });
        if (reply.error !== undefined) throw new Error(reply.error);
        written.push(...reply.files!);
      }
    };
    const onMain = async () => {
      written.push(...(await renderSite(data, { outDir, families: chunks[0]! })));
      while (next < chunks.length) written.push(...(await renderSite(data, { outDir, families: chunks[next++]!, only: PAGINATED })));
    };
    await Promise.all([onMain(), onWorker()]);
  } finally {
    await worker.terminate();
  }
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
