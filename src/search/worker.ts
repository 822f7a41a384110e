/** Worker thread entry for building the search index beside the rest of the build. */
import { parentPort } from "node:worker_threads";
import type { SearchRecord, SearchTopic } from "./lunr-index.js";
import { writeSearchFiles } from "./write.js";

/** The archive to index. */
export interface SearchRequest {
  readonly id: number;
  readonly records: readonly SearchRecord[];
  readonly topics: readonly SearchTopic[];
  readonly staging: string;
  readonly previous: ReadonlyMap<string, string>;
}

/** The search files' hashes and how many were written, or why indexing failed. */
export interface SearchReply {
  readonly id: number;
  readonly hashes?: Map<string, string>;
  readonly written?: number;
  readonly error?: string;
}

parentPort!.on("message", (request: SearchRequest) => {
  let reply: SearchReply;
  try {
    const { hashes, written } = writeSearchFiles(request.records, request.topics, request.staging, request.previous);
    reply = { id: request.id, hashes, written };
  } catch (error) {
    reply = { id: request.id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
