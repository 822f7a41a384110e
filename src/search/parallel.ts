/**
 * Building the search index on a worker thread while the main thread makes the site data and
 * plans the pages. The worker gets only what the index reads of each record and topic. Very
 * large archives are indexed on the main thread before the rest, one stage after the other,
 * so that the index and the site data are never in memory at once.
 */
import { request, startWorker } from "../threads.js";
import type { SearchRecord, SearchTopic } from "./lunr-index.js";
import type { SearchReply } from "./worker.js";
import { writeSearchFiles, type WrittenSearch } from "./write.js";

/** Fewest articles indexed on a worker thread: below, starting one costs more than it saves. */
export const BACKGROUND_MIN_ARTICLES = 1000;
/** Most articles indexed beside the rest of the build; more are indexed alone, to bound memory. */
export const BACKGROUND_MAX_ARTICLES = 25_000;

/**
 * Start indexing `records`: on a worker thread when their number is between
 * {@link BACKGROUND_MIN_ARTICLES} and {@link BACKGROUND_MAX_ARTICLES}, the returned promise
 * settling when it is done; otherwise here and now, before returning (and throwing here if it
 * fails).
 *
 * @param records Published records (distinct slugs).
 * @param topics The topics, for spellings and the topic filter.
 * @param staging Folder the changed files are written to.
 * @param previous Content hash of each search file of the previous build.
 * @param range Fewest and most articles indexed on a worker thread.
 * @returns Whether the index is being built on a worker, and the written files' outcome (a
 *   failure is reported when that promise is awaited, however long after it happens).
 */
export function startSearchIndex(
  records: readonly SearchRecord[],
  topics: readonly SearchTopic[],
  staging: string,
  previous: ReadonlyMap<string, string>,
  range: { readonly min: number; readonly max: number } = { min: BACKGROUND_MIN_ARTICLES, max: BACKGROUND_MAX_ARTICLES },
): { background: boolean; done: Promise<WrittenSearch> } {
  if (records.length < range.min || records.length > range.max) {
    return { background: false, done: Promise.resolve(writeSearchFiles(records, topics, staging, previous)) };
  }
  const lean = records.map(
    (r): SearchRecord => ({ slug: r.slug, title: r.title, subtitle: r.subtitle, authors: r.authors, publisher: r.publisher, published: r.published, topics: r.topics, body: r.body.map((b) => ({ text: b.text })) }),
  );
  const worker = startWorker(new URL("./worker.js", import.meta.url));
  const done = request<SearchReply>(worker, { id: 0, records: lean, topics: topics.map((t) => ({ topic: t.topic, spellings: t.spellings })), staging, previous })
    .then((reply) => {
      if (reply.error !== undefined) throw new Error(`search index: ${reply.error}`);
      return { hashes: reply.hashes!, written: reply.written! };
    })
    .finally(() => worker.terminate());
  // The caller awaits the index only after other work; a failure meanwhile waits for it there.
  done.catch(() => {});
  return { background: true, done };
}
