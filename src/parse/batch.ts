/** Parsing a batch of files into stored records: the work one parse worker does per message. */
import { storeRecord, type StoredRecord } from "../cache/records.js";
import { bodySignature } from "../dedupe/duplicates.js";
import { keyHashes } from "../dedupe/paragraph-key.js";
import { removeRepeatedParagraphs } from "../dedupe/paragraphs.js";
import type { SourceFile } from "../read/sources.js";
import type { ArticleRecord } from "../record.js";
import { ownBuffers } from "../threads.js";
import { parseSource } from "./index.js";

/** Per file, its stored record or why it could not be parsed. */
export type ParseOutcome = StoredRecord | { readonly error: string };

/**
 * Parse one file into a cleaned record: the per-article part of the pipeline, as used by
 * `clippings parse` and by the build.
 *
 * @param file Source file.
 * @returns The record, repeated paragraphs removed.
 */
export function extractRecord(file: SourceFile): ArticleRecord {
  return extractWithKeys(file).record;
}

/** {@link extractRecord}, with the comparison key of each body block (see `removeRepeatedParagraphs`). */
function extractWithKeys(file: SourceFile): { record: ArticleRecord; keys: string[] } {
  const record = parseSource(file);
  return { record, keys: removeRepeatedParagraphs(record) };
}

/**
 * Parse every file of a batch.
 *
 * @param files The batch.
 * @returns Each file's stored record with its body's signature and paragraph hashes (its
 *   buffer moved, not copied, out of a worker), or the error.
 */
export function parseBatch(files: readonly SourceFile[]): { results: ParseOutcome[]; transfer: ArrayBuffer[] } {
  const results = files.map((file): ParseOutcome => {
    try {
      const { record, keys } = extractWithKeys(file);
      return storeRecord({ record, signature: bodySignature(record), paragraphs: keyHashes(keys) });
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
  return { results, transfer: ownBuffers(results.map((r) => ("error" in r ? null : r))) };
}
