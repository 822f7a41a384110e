/**
 * Worker thread entry for building the search index beside the rest of the build: the
 * articles' texts are read as soon as they come, and the files made once the topics follow.
 */
import { parentPort } from "node:worker_threads";
import { loadStoredBodies } from "../cache/records.js";
import type { SearchTexts } from "./build-index.js";
import type { LeanTextRecord, SearchTopic } from "./lunr-index.js";
import { readTexts } from "./read-texts.js";
import { writeSearchIndex } from "./write.js";

/**
 * The articles to index, without their topics (and, those the record cache holds as parsed,
 * without their body), and the cache folder (see `readTexts`); no reply.
 */
export interface SearchTextsMessage {
  readonly kind: "texts";
  readonly records: readonly LeanTextRecord[];
  readonly cacheDir: string | null;
}

/** The topics, and where to write: the files are made and the reply sent. */
export type SearchFinishMessage = {
  readonly kind: "finish";
  readonly id: number;
  /** Each record's topic names, in the order the records came. */
  readonly topicsOf: string[][];
  readonly topics: readonly SearchTopic[];
  readonly staging: string;
  readonly previous: ReadonlyMap<string, string>;
};

/** The search files' hashes and how many were written, or why indexing failed. */
export interface SearchReply {
  readonly id: number;
  readonly hashes?: Map<string, string>;
  readonly written?: number;
  readonly error?: string;
}

/** The texts read (or why they could not be), once the articles came. */
let texts: Promise<SearchTexts> | null = null;
/** The cache folder the articles came with. */
let cacheDir: string | null = null;

parentPort!.on("message", async (message: SearchTextsMessage | SearchFinishMessage) => {
  if (message.kind === "texts") {
    cacheDir = message.cacheDir;
    texts = readTexts(message.records, cacheDir);
    // A failure is reported when the files are asked for.
    texts.catch(() => {});
    return;
  }
  let reply: SearchReply;
  try {
    if (texts === null) throw new Error("no articles were sent");
    const read = await texts;
    // Result files that changed show their article's text, which came without it.
    const wanted = read.bodiesWanted(message.previous);
    if (wanted.length > 0 && cacheDir !== null) read.giveBodies(await loadStoredBodies(cacheDir, wanted));
    const { hashes, written } = writeSearchIndex(read, message.topicsOf, message.topics, message.staging, message.previous);
    reply = { id: message.id, hashes, written };
  } catch (error) {
    reply = { id: message.id, error: (error as Error).message };
  }
  texts = null;
  parentPort!.postMessage(reply);
});
