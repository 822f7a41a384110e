/** Writing the search files: only those whose content differs from the previous build's. */
import { contentHash } from "../cache/site-manifest.js";
import type { OutputFile } from "../write/output.js";
import { writeFiles } from "../write/output.js";
import { searchIndexBatches } from "./build-index.js";
import type { SearchRecord, SearchTopic } from "./lunr-index.js";

/** What {@link writeSearchFiles} did. */
export interface WrittenSearch {
  /** Every search file's content hash, by site-relative path. */
  readonly hashes: Map<string, string>;
  /** Files written (the others are unchanged since the previous build). */
  readonly written: number;
}

/**
 * Build the search index of `records` and write the files that differ from the previous
 * build's into `staging`, batch by batch.
 *
 * @param records Published records (distinct slugs).
 * @param topics The topics, for spellings and the topic filter.
 * @param staging Folder the changed files are written to.
 * @param previous Content hash of each search file of the previous build.
 */
export function writeSearchFiles(records: readonly SearchRecord[], topics: readonly SearchTopic[], staging: string, previous: ReadonlyMap<string, string>): WrittenSearch {
  return writeChangedBatches(searchIndexBatches(records, topics), staging, previous);
}

/**
 * Write the files of `batches` that differ from the previous build's into `staging`.
 *
 * @param batches Search files, batch by batch (see `searchIndexBatches`).
 * @param staging Folder the changed files are written to.
 * @param previous Content hash of each search file of the previous build.
 */
export function writeChangedBatches(batches: Iterable<OutputFile[]>, staging: string, previous: ReadonlyMap<string, string>): WrittenSearch {
  const hashes = new Map<string, string>();
  let written = 0;
  for (const batch of batches) {
    const changed = batch.filter((file) => {
      const hash = contentHash(file.content);
      hashes.set(file.path, hash);
      return previous.get(file.path) !== hash;
    });
    writeFiles(staging, changed);
    written += changed.length;
  }
  return { hashes, written };
}
