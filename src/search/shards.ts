/** Cutting the inverted index into term shards and position shards, as JSON text, one shard at a time. */
import { createHash } from "node:crypto";
import { BUCKETS, readPositions, type InvertedIndex } from "./inverted.js";
import { JsonBytes } from "./json-bytes.js";

/** Raw bytes of term postings aimed at per shard when choosing the shard count. */
export const TARGET_SHARD_BYTES = 8 * 1024;
/** Most shards an index is cut into. */
export const MAX_SHARDS = BUCKETS;
/** Bytes a posting takes in a term shard, on average, for choosing the shard count. */
const BYTES_PER_POSTING = 10;

/**
 * The shard count: a power of two chosen so that a term shard holds about
 * {@link TARGET_SHARD_BYTES}.
 *
 * @param postings Postings in the index.
 * @returns Shard count.
 */
export function shardCount(postings: number): number {
  let count = 1;
  while (count < MAX_SHARDS && count * TARGET_SHARD_BYTES < postings * BYTES_PER_POSTING) count *= 2;
  return count;
}

/** One shard's files, or, when its fingerprint shows they have not changed, only the fingerprint. */
export interface Shard {
  readonly shard: number;
  /** Names everything the shard's files are made from (see `InvertedIndex.fingerprint`). */
  readonly fingerprint: string;
  readonly terms?: Uint8Array;
  readonly positions?: Uint8Array;
}

/**
 * Write every shard: term shard `[doc+, tf, length, …]` and position shard
 * `[doc+, count, pos, pos+, …]` per field, doc numbers delta-coded, as UTF-8 JSON. Nothing in a
 * shard depends on articles that do not hold its terms, so adding an article changes only the
 * shards of its own terms. The index's buckets are filled only for the shards to make, and
 * each shard's postings are dropped from the index once written.
 *
 * @param index The inverted index, every document and dependent field added.
 * @param count Shard count (a power of two, at most {@link MAX_SHARDS}).
 * @param ids Doc number of each doc index.
 * @param options `key` names the code that makes the shards, and goes into their fingerprints;
 *   a shard whose fingerprint `unchanged` accepts is not made (its files are left out).
 * @returns Per shard, its fingerprint, term shard and position shard.
 */
export function* cutShards(
  index: InvertedIndex,
  count: number,
  ids: readonly number[],
  options: { readonly key?: string; readonly unchanged?: (shard: number, fingerprint: string) => boolean } = {},
): Generator<Shard> {
  if (count < 1 || count > MAX_SHARDS || (count & (count - 1)) !== 0) throw new Error(`search index: shard count ${count} is not a power of two up to ${MAX_SHARDS}`);
  const { key: codeKey = "", unchanged = () => false } = options;
  const bucketsOf = (shard: number) => {
    const buckets: number[] = [];
    for (let b = shard; b < BUCKETS; b += count) buckets.push(b);
    return buckets;
  };
  const fingerprints: string[] = [];
  const wanted = new Uint8Array(BUCKETS);
  for (let shard = 0; shard < count; shard++) {
    const buckets = bucketsOf(shard);
    const fingerprint = createHash("sha1").update(`${codeKey}\0${count}\0${shard}\0`).update(index.fingerprint(buckets)).digest("base64url");
    fingerprints.push(fingerprint);
    if (!unchanged(shard, fingerprint)) for (const b of buckets) wanted[b] = 1;
  }
  index.fill(wanted);
  const terms = new JsonBytes();
  const positions = new JsonBytes();
  for (let shard = 0; shard < count; shard++) {
    const buckets = bucketsOf(shard);
    const fingerprint = fingerprints[shard]!;
    if (wanted[buckets[0]!] !== 1) {
      yield { shard, fingerprint };
      continue;
    }
    const postings = index.take(buckets);
    const entries = [...postings].map(([term, lists]) => ({ term: index.table.terms[term]!, lists })).sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    terms.char(OPEN_OBJECT);
    positions.char(OPEN_OBJECT);
    entries.forEach(({ term, lists }, i) => {
      const key = `${i > 0 ? "," : ""}${JSON.stringify(term)}:[`;
      terms.raw(key);
      positions.raw(key);
      lists.forEach((list, f) => {
        if (f > 0) {
          terms.char(COMMA);
          positions.char(COMMA);
        }
        terms.char(OPEN_ARRAY);
        positions.char(OPEN_ARRAY);
        let last = 0;
        list.docs.forEach((doc, k) => {
          if (k > 0) {
            terms.char(COMMA);
            positions.char(COMMA);
          }
          const id = ids[doc]!;
          const tf = list.tfs[k]!;
          terms.int(id - last).char(COMMA).int(tf).char(COMMA).int(index.fieldLengths[f]![doc]!);
          positions.int(id - last).char(COMMA).int(tf);
          last = id;
          readPositions(list, k, (delta) => positions.char(COMMA).int(delta));
        });
        terms.char(CLOSE_ARRAY);
        positions.char(CLOSE_ARRAY);
      });
      terms.char(CLOSE_ARRAY);
      positions.char(CLOSE_ARRAY);
    });
    terms.char(CLOSE_OBJECT);
    positions.char(CLOSE_OBJECT);
    yield { shard, fingerprint, terms: terms.take(), positions: positions.take() };
  }
}

const [OPEN_OBJECT, CLOSE_OBJECT, OPEN_ARRAY, CLOSE_ARRAY, COMMA] = [..."{}[],"].map((c) => c.charCodeAt(0)) as [number, number, number, number, number];
