/**
 * Listing what an output folder holds, on a worker thread, while the rebuild does its other
 * work. The folders unchanged since the last listing are taken from the listing kept then (see
 * `listByStamps`), so a site of tens of thousands of folders is listed for a `stat` of each.
 */
import path from "node:path";
import { outputId } from "../cache/site-manifest.js";
import { request, startWorker } from "../threads.js";
import type { SurveyReply, SurveyRequest } from "./survey-worker.js";

/**
 * List every file below `dir` on a worker thread.
 *
 * @param dir The folder.
 * @param cacheDir Where the listing is kept between builds (none when null).
 * @returns Its files, relative to it, with forward slashes; null when it cannot be listed
 *   (it is missing, or not a folder).
 */
export async function surveyFolder(dir: string, cacheDir: string | null): Promise<ReadonlySet<string> | null> {
  const worker = startWorker(new URL("./survey-worker.js", import.meta.url));
  try {
    const file = cacheDir === null ? null : path.join(cacheDir, `listing-${outputId(dir)}.v8`);
    const reply = await request<SurveyReply>(worker, { id: 0, dir, file } satisfies SurveyRequest);
    return reply.files === undefined ? null : new Set(reply.files);
  } finally {
    await worker.terminate();
  }
}
