/** Writing the search files: only those that differ from the previous build's. */
import { contentHash } from "../cache/site-manifest.js";
import { FileWriter } from "../write/file-writer.js";
import { writeFiles, type OutputFile } from "../write/output.js";
import type { IndexFile, SearchTexts } from "./build-index.js";
import type { SearchTopic } from "./lunr-index.js";

/** What {@link writeSearchIndex} did. */
export interface WrittenSearch {
  /** What names every search file (see `IndexFile`), by site-relative path. */
  readonly hashes: Map<string, string>;
  /** Files written (the others are unchanged since the previous build). */
  readonly written: number;
}

/**
 * Finish the search index of `texts` and write the files that differ from the previous build's
 * into `staging`, batch by batch. Files whose fingerprint is unchanged are not even made.
 *
 * @param texts The articles' texts, read.
 * @param topicsOf Each article's topic names, in the order the articles were given.
 * @param topics The topics, for spellings and the topic filter.
 * @param staging Folder the changed files are written to.
 * @param previous What named each search file of the previous build.
 */
export function writeSearchIndex(texts: SearchTexts, topicsOf: readonly string[][], topics: readonly SearchTopic[], staging: string, previous: ReadonlyMap<string, string>): WrittenSearch {
  return writeChangedBatches(texts.batches(topicsOf, topics, { previous }), staging, previous);
}

/**
 * {@link writeSearchIndex}, with the files written on a worker thread while this one makes the
 * next batches: for an index made alone, with the other core idle.
 */
export async function writeSearchIndexBeside(
  texts: SearchTexts,
  topicsOf: readonly string[][],
  topics: readonly SearchTopic[],
  staging: string,
  previous: ReadonlyMap<string, string>,
): Promise<WrittenSearch> {
  const writer = new FileWriter(staging);
  const hashes = new Map<string, string>();
  let written = 0;
  try {
    for (const batch of texts.batches(topicsOf, topics, { previous })) {
      const changed = changedFiles(batch, previous, hashes);
      await writer.write(changed);
      written += changed.length;
    }
  } finally {
    await writer.close();
  }
  return { hashes, written };
}

/**
 * Write the files of `batches` that differ from the previous build's into `staging`.
 *
 * @param batches Search files, batch by batch (see `SearchTexts.batches`).
 * @param staging Folder the changed files are written to.
 * @param previous What named each search file of the previous build.
 * @throws Error when a file left without its content is not the previous build's.
 */
function writeChangedBatches(batches: Iterable<IndexFile[]>, staging: string, previous: ReadonlyMap<string, string>): WrittenSearch {
  const hashes = new Map<string, string>();
  let written = 0;
  for (const batch of batches) {
    const changed = changedFiles(batch, previous, hashes);
    writeFiles(staging, changed);
    written += changed.length;
  }
  return { hashes, written };
}

/**
 * The files of `batch` that differ from the previous build's; what names each file is noted in `hashes`.
 *
 * @throws Error when a file left without its content is not the previous build's.
 */
function changedFiles(batch: readonly IndexFile[], previous: ReadonlyMap<string, string>, hashes: Map<string, string>): OutputFile[] {
  const changed: OutputFile[] = [];
  for (const file of batch) {
    const identity = file.identity ?? contentHash(file.content!);
    hashes.set(file.path, identity);
    if (previous.get(file.path) === identity) continue;
    if (file.content === undefined) throw new Error(`search index: ${file.path} was left out, but it changed`);
    changed.push({ path: file.path, content: file.content });
  }
  return changed;
}
