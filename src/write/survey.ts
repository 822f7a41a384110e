/**
 * Listing what an output folder holds, on a worker thread: a site of tens of thousands of
 * files takes a good part of a second to walk, which a rebuild then spends beside its other
 * work instead of before it.
 */
import { request, startWorker } from "../threads.js";
import type { SurveyReply } from "./survey-worker.js";

/**
 * Begin listing every file below `dir` on a worker thread.
 *
 * @param dir The folder.
 * @returns Its files, relative to it, with forward slashes; null when it cannot be listed
 *   (it is missing, or not a folder).
 */
export async function surveyFolder(dir: string): Promise<ReadonlySet<string> | null> {
  const worker = startWorker(new URL("./survey-worker.js", import.meta.url));
  try {
    const reply = await request<SurveyReply>(worker, { id: 0, dir });
    return reply.files === undefined ? null : new Set(reply.files);
  } finally {
    await worker.terminate();
  }
}
