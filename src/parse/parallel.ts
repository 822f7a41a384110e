/**
 * Parsing many files on every core: batches go to worker threads as they free up; few files
 * are parsed on the main thread, where starting workers would cost more than it saves.
 */
import { availableParallelism } from "node:os";
import type { StoredRecord } from "../cache/records.js";
import type { SourceFile } from "../read/sources.js";
import { request, startWorker } from "../threads.js";
import { parseBatch, type ParseReply } from "./batch.js";

/** Below this many files, parsing stays on the main thread. */
export const PARALLEL_THRESHOLD = 400;
const BATCH_FILES = 100;

/** Per file, its stored record or the reason it could not be parsed. */
export type ParseOutcome = StoredRecord | { readonly error: string };

/**
 * Parse files, in parallel when there are many.
 *
 * @param files Source files.
 * @param onProgress Called with the number of files parsed so far.
 * @returns One outcome per file, in order.
 */
export async function parseFiles(files: readonly SourceFile[], onProgress: (done: number) => void = () => {}): Promise<ParseOutcome[]> {
  const threads = Math.min(availableParallelism(), 4, Math.ceil(files.length / BATCH_FILES));
  if (files.length < PARALLEL_THRESHOLD || threads < 2) {
    const outcomes: ParseOutcome[] = [];
    for (let i = 0; i < files.length; i += BATCH_FILES) {
      outcomes.push(...parseBatch({ id: 0, files: files.slice(i, i + BATCH_FILES) }).results);
      onProgress(outcomes.length);
    }
    return outcomes;
  }
  const outcomes: ParseOutcome[] = new Array(files.length);
  let next = 0;
  let done = 0;
  const workers = Array.from({ length: threads }, () => startWorker(new URL("./worker.js", import.meta.url)));
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < files.length) {
          const start = next;
          next += BATCH_FILES;
          const reply = await request<ParseReply>(worker, { id: start, files: files.slice(start, start + BATCH_FILES) });
          reply.results.forEach((outcome, i) => (outcomes[start + i] = outcome));
          done += reply.results.length;
          onProgress(done);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}
