/**
 * Reading many article files at once: a first build reads every file, and on a disk that does
 * not yet hold them in memory each read mostly waits; several threads keep several reads
 * waiting at a time. A rebuild, which reads only the files that changed, scans on the main thread.
 */
import { mapInBatches } from "../threads.js";
import { scanBatch, type ArticleToScan, type ScanContext } from "./article-file.js";
import type { ScannedFile, SkippedFile } from "./sources.js";

/** Fewest files not known from the last build that are read on worker threads. */
export const PARALLEL_READ_THRESHOLD = 1000;

/**
 * Threads reading at once. Reads from disk wait more than they compute, so more threads than
 * cores pay: 10,001 articles and their sidecars not held in memory took 1.5 s to read one
 * after another, 1.1 to 1.4 s on two threads and 0.7 to 0.8 s on four, on two cores; held in
 * memory, 0.2 to 0.3 s in every case.
 */
const READ_THREADS = 4;

/**
 * Scan article files (see `scanBatch`), on worker threads when at least `threshold` of them
 * are not known from the last build.
 *
 * @param files The files, in order.
 * @param context The input folder and the size limit.
 * @param threshold Fewest unknown files read on worker threads.
 * @returns One outcome per file, in order.
 */
export function scanArticles(files: readonly ArticleToScan[], context: ScanContext, threshold = PARALLEL_READ_THRESHOLD): Promise<(ScannedFile | SkippedFile)[]> {
  const unknown = files.reduce((n, file) => (file.known === undefined ? n + 1 : n), 0);
  return mapInBatches(files, {
    module: new URL("./worker.js", import.meta.url),
    handler: async () => scanBatch,
    context,
    // Batches of up to 200 files, at least four per thread.
    batchSize: Math.max(1, Math.min(200, Math.ceil(files.length / (READ_THREADS * 4)))),
    // Every file is scanned on the same side: on workers when enough of them are unknown.
    threshold: unknown >= threshold ? 0 : Number.POSITIVE_INFINITY,
    threads: READ_THREADS,
  });
}
