/** Parsing a batch of files into stored records: the work one parse worker does per message. */
import { storeRecord, type StoredRecord } from "../cache/records.js";
import { dedupeParagraphs } from "../dedupe/paragraphs.js";
import type { SourceFile } from "../read/sources.js";
import type { ArticleRecord } from "../record.js";
import { parseSource } from "./index.js";

/** A batch of files to parse. */
export interface ParseRequest {
  readonly id: number;
  readonly files: readonly SourceFile[];
}

/** Per file, its stored record or why it could not be parsed. */
export interface ParseReply {
  readonly id: number;
  readonly results: readonly (StoredRecord | { readonly error: string })[];
  /** Buffers to move rather than copy back. */
  readonly transfer: ArrayBuffer[];
}

/**
 * Parse one file into a cleaned record: the per-article part of the pipeline, as used by
 * `clippings parse` and by the build.
 *
 * @param file Source file.
 * @returns The record, repeated paragraphs removed.
 */
export function extractRecord(file: SourceFile): ArticleRecord {
  return dedupeParagraphs(parseSource(file));
}

/**
 * Parse every file of a batch.
 *
 * @param request The batch.
 */
export function parseBatch(request: ParseRequest): ParseReply {
  const transfer: ArrayBuffer[] = [];
  const results = request.files.map((file) => {
    try {
      const stored = storeRecord(extractRecord(file));
      transfer.push(stored.buffer as ArrayBuffer);
      return stored;
    } catch (error) {
      return { error: (error as Error).message };
    }
  });
  return { id: request.id, results, transfer };
}
