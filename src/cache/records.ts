/**
 * The parse cache: records by the content they were parsed from, kept between builds so a
 * rebuild parses only the files that changed.
 */
import { deserialize, serialize } from "node:v8";
import { hashOf } from "../hash.js";
import { parserKey } from "../parse/key.js";
import type { ArticleRecord, Block } from "../record.js";
import { loadStore, saveStore } from "./store.js";

const FILE = "records.v8";

/**
 * The cache keys of source files: each a hash of the file's name, its content digest (bytes
 * and sidecar, see `sourceDigest`), the topic vocabulary and the parser's code (see
 * `parserKey`) — everything its record depends on. The vocabulary, the same for every file, is
 * hashed once.
 *
 * @param vocabulary Text of the archive's `topics.yml`, if any.
 * @returns The key of the file of a name (in the input folder) and a content digest.
 */
export function recordKeys(vocabulary: string | null): (name: string, digest: string) => string {
  const shared = `${parserKey()}\0${vocabulary === null ? "\u0001" : hashOf("sha256", vocabulary, "base64url")}\0`;
  return (name, digest) => hashOf("sha256", `${shared}${name}\0${digest}`, "base64url");
}

/** A record as stored in the cache: serialised once, when parsed, before any later stage changes it. */
export type StoredRecord = Uint8Array;

/** A record as parsed, with what is made from it alone. */
export interface ParsedRecord {
  readonly record: ArticleRecord;
  /** MinHash signature of its body, for finding duplicates (null for a body without words). */
  readonly signature: Uint32Array | null;
  /** Hash of each body block as the furniture stage compares them (see `paragraphHashes`). */
  readonly paragraphs: Float64Array;
}

/** What is made from a record's body alone, when it is parsed, for the stages that compare bodies. */
export type BodyFacts = Omit<ParsedRecord, "record">;

/**
 * Serialise a freshly parsed record for the cache.
 *
 * @param parsed The record as the parser made it, and what was made from its body.
 */
export function storeRecord(parsed: ParsedRecord): StoredRecord {
  return serialize(parsed);
}

/**
 * A new copy of a stored record, for the build to work on.
 *
 * @param stored The record from the cache.
 */
export function restoreRecord(stored: StoredRecord): ParsedRecord {
  return deserialize(stored) as ParsedRecord;
}

/**
 * Stored records from the last build, by key.
 *
 * @param dir Cache folder.
 */
export function loadRecordCache(dir: string): Promise<Map<string, StoredRecord>> {
  return loadStore(dir, FILE);
}

/**
 * The bodies, as parsed, of the records stored under `keys`; keys the cache does not hold are
 * left out. For a stage that needs only a few of the bodies it was not given.
 *
 * @param dir Cache folder.
 * @param keys Record keys (see {@link recordKeys}).
 */
export async function loadStoredBodies(dir: string, keys: readonly string[]): Promise<Map<string, Block[]>> {
  const cache = await loadRecordCache(dir);
  const bodies = new Map<string, Block[]>();
  for (const key of keys) {
    const stored = cache.get(key);
    if (stored !== undefined) bodies.set(key, restoreRecord(stored).record.body);
  }
  return bodies;
}

/**
 * Replace the cached records with those of this build (see `saveStore`).
 *
 * @param dir Cache folder.
 * @param entries Key and stored record of each current file.
 * @param held The entries {@link loadRecordCache} found.
 */
export function saveRecordCache(dir: string, entries: readonly (readonly [string, StoredRecord])[], held: ReadonlyMap<string, StoredRecord>): Promise<void> {
  return saveStore(dir, FILE, entries, held);
}
