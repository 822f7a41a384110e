/**
 * Building the search index on a worker thread beside the rest of the build. The worker gets
 * only what the index reads of each record, as soon as the records are known, and reads their
 * texts while the topics are being found; the topics follow, and it makes the files while the
 * main thread makes the site data and plans the pages. Very large archives are indexed on the
 * main thread once the topics are known, before the rest, one stage after the other, so that
 * the index and the site data are never in memory at once; their files are written on another
 * thread meanwhile (see `writeSearchIndexBeside`).
 */
import type { Worker } from "node:worker_threads";
import type { ContentNames } from "../render/digest.js";
import { request, startWorker } from "../threads.js";
import type { LeanTextRecord, SearchTopic, TextRecord } from "./lunr-index.js";
import { readTexts } from "./read-texts.js";
import type { SearchFinishMessage, SearchReply, SearchTextsMessage } from "./worker.js";
import { writeSearchIndex, writeSearchIndexBeside, type WrittenSearch } from "./write.js";

/** Fewest articles indexed on a worker thread: below, starting one costs more than it saves. */
export const BACKGROUND_MIN_ARTICLES = 1000;
/** Most articles indexed beside the rest of the build; more are indexed alone, to bound memory. */
export const BACKGROUND_MAX_ARTICLES = 25_000;

/** A search index begun with the articles' texts, waiting for their topics. */
export interface SearchIndexStart {
  /**
   * Give the topics and make the files: on the worker thread when the index was begun on one
   * (the returned promise settling when it is done; a failure is reported when that promise
   * is awaited, however long after it happens); otherwise on this thread, which the caller
   * should await before other work (`background` is then false). Called once.
   *
   * @param topicsOf Each record's topic names, in the order the records were given.
   * @param topics The topics, for spellings and the topic filter.
   * @param staging Folder the changed files are written to.
   * @param previous What named each search file of the previous build (see `IndexFile`).
   */
  finish(topicsOf: string[][], topics: readonly SearchTopic[], staging: string, previous: ReadonlyMap<string, string>): { background: boolean; done: Promise<WrittenSearch> };
  /** Give up an index that will not be finished (the build failed first). */
  cancel(): Promise<void>;
}

/** Options for {@link startSearchIndex}. */
export interface SearchStartOptions {
  readonly cacheDir?: string | null;
  readonly names?: ContentNames;
  readonly range?: { readonly min: number; readonly max: number };
  /**
   * The key the record cache (in `cacheDir`) holds a record under, for records whose body is
   * still as stored there: such a body is not sent to the worker thread, which reads it from
   * the cache only if it needs it (an article whose postings or result file changed).
   */
  readonly stored?: (record: TextRecord) => string | undefined;
}

/**
 * Begin indexing `records`: on a worker thread when their number is between
 * {@link BACKGROUND_MIN_ARTICLES} and {@link BACKGROUND_MAX_ARTICLES}, where their texts are
 * read at once; otherwise everything is done on this thread when the index is finished. With
 * a cache folder, the texts whose postings it holds are not read again, and the postings are
 * kept there for the next build.
 *
 * @param records Published records (distinct slugs); their topics are given later.
 * @param options The cache folder (none by default); names of the records' bodies as parsed
 *   (see `nameContent`), which stand for their texts in the names of what the index makes of
 *   them; fewest and most articles indexed on a worker thread.
 */
export function startSearchIndex(records: readonly TextRecord[], options: SearchStartOptions = {}): SearchIndexStart {
  const { cacheDir = null, names, range = { min: BACKGROUND_MIN_ARTICLES, max: BACKGROUND_MAX_ARTICLES }, stored } = options;
  const bodyName = (r: TextRecord) => r.bodyName ?? names?.get(r.body);
  if (records.length < range.min || records.length > range.max) {
    const named = names === undefined ? records : records.map((r): TextRecord => ({ ...r, bodyName: bodyName(r) }));
    return {
      finish: (topicsOf, topics, staging, previous) => ({
        background: false,
        // A very large archive's index is made alone: its files are written on another thread
        // meanwhile. A small one's are too few to pay for starting one.
        done: readTexts(named, cacheDir).then((texts) =>
          records.length > range.max ? writeSearchIndexBeside(texts, topicsOf, topics, staging, previous) : writeSearchIndex(texts, topicsOf, topics, staging, previous),
        ),
      }),
      cancel: async () => {},
    };
  }
  const lean = records.map((r): LeanTextRecord => {
    const own = { slug: r.slug, title: r.title, subtitle: r.subtitle, authors: r.authors, publisher: r.publisher, published: r.published };
    const name = bodyName(r);
    const key = cacheDir === null || name === undefined ? undefined : stored?.(r);
    return key === undefined ? { ...own, body: r.body.map((b) => ({ text: b.text })), bodyName: name } : { ...own, stored: key, bodyName: name! };
  });
  let worker: Worker | null = startWorker(new URL("./worker.js", import.meta.url));
  worker.postMessage({ kind: "texts", records: lean, cacheDir } satisfies SearchTextsMessage);
  return {
    finish(topicsOf, topics, staging, previous) {
      if (worker === null) throw new Error("search index: finished twice, or after it was cancelled");
      const thread = worker;
      worker = null;
      const message: SearchFinishMessage = { kind: "finish", id: 0, topicsOf, topics: topics.map((t) => ({ topic: t.topic, spellings: t.spellings })), staging, previous };
      const done = request<SearchReply>(thread, message)
        .then((reply) => {
          if (reply.error !== undefined) throw new Error(`search index: ${reply.error}`);
          return { hashes: reply.hashes!, written: reply.written! };
        })
        .finally(() => thread.terminate());
      // The caller awaits the index only after other work; a failure meanwhile waits for it there.
      done.catch(() => {});
      return { background: true, done };
    },
    async cancel() {
      const thread = worker;
      worker = null;
      await thread?.terminate();
    },
  };
}
