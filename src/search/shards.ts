/** Cutting the whole archive's Lunr index into term shards and position shards. */
import type lunr from "lunr";
import { deltaEncode, shardOf, type Posting, type PositionShard, type TermShard } from "../client/format.js";

/** Per term, per field, postings in doc order. */
export type PostingsByTerm = Map<string, Posting[][]>;

/** Raw bytes of term postings aimed at per shard when choosing the shard count. */
export const TARGET_SHARD_BYTES = 8 * 1024;
/** Most shards an index is cut into. */
export const MAX_SHARDS = 8192;

/**
 * Read every term's postings out of a Lunr index: the field-vector weight of the term in each
 * document field, and its word positions.
 *
 * @param index A Lunr index built with the `index` metadata kept.
 * @param fields Field names, in posting order.
 * @returns Postings by term.
 */
export function extractPostings(index: lunr.Index, fields: readonly string[]): PostingsByTerm {
  const json = index.toJSON() as unknown as {
    invertedIndex: [string, Record<string, Record<string, { index?: number[] }>> & { _index: number }][];
    fieldVectors: [string, number[]][];
  };
  const termOf: string[] = [];
  for (const [term, posting] of json.invertedIndex) termOf[posting._index] = term;
  const fieldNumber = new Map(fields.map((f, i) => [f, i]));
  const byIndex: Posting[][][] = [];
  const positions = new Map(json.invertedIndex.map(([term, posting]) => [term, posting]));
  for (const [fieldRef, elements] of json.fieldVectors) {
    const slash = fieldRef.indexOf("/");
    const field = fieldRef.slice(0, slash);
    const f = fieldNumber.get(field);
    if (f === undefined) throw new Error(`search index: unknown field "${field}"`);
    const ref = fieldRef.slice(slash + 1);
    const doc = Number(ref);
    for (let i = 0; i < elements.length; i += 2) {
      const termIndex = elements[i]!;
      const perField = (byIndex[termIndex] ??= fields.map(() => []));
      const where = positions.get(termOf[termIndex]!)?.[field]?.[ref]?.index;
      perField[f]!.push({ doc, score: elements[i + 1]!, positions: where ?? [] });
    }
  }
  const out: PostingsByTerm = new Map();
  byIndex.forEach((perField, termIndex) => {
    for (const list of perField) list.sort((a, b) => a.doc - b.doc);
    out.set(termOf[termIndex]!, perField);
  });
  return out;
}

/** One term's entry in a term shard. */
function termEntry(perField: readonly (readonly Posting[])[]): number[][] {
  return perField.map((list) => {
    const docs = deltaEncode(list.map((p) => p.doc));
    return list.flatMap((p, i) => [docs[i]!, Math.round(p.score * 1000)]);
  });
}

/** One term's entry in a position shard. */
function positionEntry(perField: readonly (readonly Posting[])[]): number[][] {
  return perField.map((list) => {
    const docs = deltaEncode(list.map((p) => p.doc));
    return list.flatMap((p, i) => [docs[i]!, p.positions?.length ?? 0, ...deltaEncode(p.positions ?? [])]);
  });
}

/**
 * Cut postings into shards by term hash; the count is a power of two chosen so that a shard
 * holds about {@link TARGET_SHARD_BYTES} of postings.
 *
 * @param postings Postings by term.
 * @param count Shard count; chosen from the postings' size when omitted.
 * @returns Term shards and position shards (same count, same term placement).
 */
export function cutShards(postings: PostingsByTerm, count?: number): { terms: TermShard[]; positions: PositionShard[] } {
  const entries = [...postings].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([term, perField]) => ({ term, entry: termEntry(perField), perField }));
  if (count === undefined) {
    const bytes = entries.reduce((sum, e) => sum + e.term.length + JSON.stringify(e.entry).length + 4, 0);
    count = 1;
    while (count < MAX_SHARDS && count * TARGET_SHARD_BYTES < bytes) count *= 2;
  }
  const terms: Record<string, number[][]>[] = Array.from({ length: count }, () => Object.create(null) as Record<string, number[][]>);
  const positions: Record<string, number[][]>[] = Array.from({ length: count }, () => Object.create(null) as Record<string, number[][]>);
  for (const { term, entry, perField } of entries) {
    const shard = shardOf(term, count);
    terms[shard]![term] = entry;
    positions[shard]![term] = positionEntry(perField);
  }
  return { terms, positions };
}
