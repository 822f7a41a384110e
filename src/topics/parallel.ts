/** Finding topic mentions on every core when there are many articles. */
import { mapInBatches } from "../threads.js";
import { mentionBatch, type MentionContext, type MentionSource, type StoredMentions } from "./mentions-batch.js";

/** Below this many articles, mentions are found on the main thread. */
export const PARALLEL_MENTIONS_THRESHOLD = 1000;

/**
 * Each article's topic mentions, in order, in their stored form (see `restoreMentions`).
 *
 * @param articles Titles, standfirsts, bodies and preset topics.
 * @param context The vocabulary.
 * @param onProgress Called with the number of articles done.
 * @param threshold Fewest articles handled on worker threads.
 * @param batchSize Articles sent to a thread at once.
 */
export function findMentions(
  articles: readonly MentionSource[],
  context: MentionContext,
  onProgress?: (done: number) => void,
  threshold = PARALLEL_MENTIONS_THRESHOLD,
  batchSize = 250,
): Promise<StoredMentions[]> {
  return mapInBatches(articles, {
    module: new URL("./worker.js", import.meta.url),
    handler: async () => mentionBatch,
    context,
    batchSize,
    threshold,
    onProgress,
  });
}
