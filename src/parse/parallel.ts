/**
 * Parsing many files on every core: batches go to worker threads as they free up; few files
 * are parsed on the main thread, where starting workers would cost more than it saves. The
 * main thread loads the parser's modules only then: a rebuild with nothing new to parse never
 * loads them.
 */
import type { SourceFile } from "../read/sources.js";
import { mapInBatches } from "../threads.js";
import type { ParseOutcome } from "./batch.js";

/** Below this many files, parsing stays on the main thread. */
export const PARALLEL_THRESHOLD = 400;

/**
 * Parse files, in parallel when there are many.
 *
 * @param files Source files.
 * @param onProgress Called with the number of files parsed so far.
 * @param threshold Fewest files parsed on worker threads.
 * @param batchSize Files sent to a thread at once.
 * @returns One outcome per file, in order.
 */
export function parseFiles(files: readonly SourceFile[], onProgress?: (done: number) => void, threshold = PARALLEL_THRESHOLD, batchSize = 100): Promise<ParseOutcome[]> {
  return mapInBatches(files, {
    module: new URL("./worker.js", import.meta.url),
    handler: async () => (await import("./batch.js")).parseBatch,
    context: null,
    batchSize,
    threshold,
    onProgress,
  });
}
