/** Cutting the inverted index into term shards and position shards, as JSON text, one shard at a time. */
import { idf, weight } from "./bm25.js";
import { BUCKETS, readPositions, type FieldPostings, type InvertedIndex } from "./inverted.js";

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

/** What the shards need to know besides the postings. */
export interface ShardContext {
  /** Doc number of each doc index. */
  readonly ids: readonly number[];
  /** Boost of each field. */
  readonly boosts: readonly number[];
}

/**
 * Write every shard: term shard `[doc+, weight×1000, …]` and position shard
 * `[doc+, count, pos, pos+, …]` per field, doc numbers delta-coded. Each shard's postings are
 * dropped from the index once written.
 *
 * @param index The filled inverted index.
 * @param count Shard count (a power of two, at most {@link MAX_SHARDS}).
 * @param context Doc numbers and boosts.
 * @returns Per shard, its term shard and position shard text.
 */
export function* cutShards(index: InvertedIndex, count: number, context: ShardContext): Generator<{ shard: number; terms: string; positions: string }> {
  if (count < 1 || count > MAX_SHARDS || (count & (count - 1)) !== 0) throw new Error(`search index: shard count ${count} is not a power of two up to ${MAX_SHARDS}`);
  const averages = index.totalLengths.map((total) => total / index.docCount);
  for (let shard = 0; shard < count; shard++) {
    const buckets: number[] = [];
    for (let b = shard; b < BUCKETS; b += count) buckets.push(b);
    const postings = index.take(buckets);
    const entries = [...postings].map(([term, lists]) => ({ term: index.table.terms[term]!, lists })).sort((a, b) => (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    const terms: string[] = [];
    const positions: string[] = [];
    for (const { term, lists } of entries) {
      const termIdf = idf(lists.reduce((n, list) => n + list.docs.length, 0), index.docCount);
      const key = JSON.stringify(term);
      terms.push(`${key}:[${lists.map((list, f) => termEntry(list, context.ids, (tf, doc) => weight(termIdf, tf, index.fieldLengths[f]![doc]!, averages[f]!, context.boosts[f]!))).join(",")}]`);
      positions.push(`${key}:[${lists.map((list) => positionEntry(list, context.ids)).join(",")}]`);
    }
    yield { shard, terms: `{${terms.join(",")}}`, positions: `{${positions.join(",")}}` };
  }
}

/** `[doc+, weight, …]` for one field. */
function termEntry(list: FieldPostings, ids: readonly number[], weigh: (tf: number, doc: number) => number): string {
  const out: number[] = [];
  let last = 0;
  list.docs.forEach((doc, i) => {
    out.push(ids[doc]! - last, weigh(list.tfs[i]!, doc));
    last = ids[doc]!;
  });
  return `[${out.join(",")}]`;
}

/** `[doc+, count, pos, pos+, …]` for one field. */
function positionEntry(list: FieldPostings, ids: readonly number[]): string {
  const out: number[] = [];
  let last = 0;
  list.docs.forEach((doc, i) => {
    out.push(ids[doc]! - last, list.tfs[i]!);
    last = ids[doc]!;
    readPositions(list, i, out);
  });
  return `[${out.join(",")}]`;
}
