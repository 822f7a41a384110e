/**
 * The prebuilt search index's files, shared by the build (which writes them) and the browser
 * (which reads them). The index is one Lunr index cut into shards by a hash of each term, so a
 * query fetches only the shards holding its terms; loaded shards are put back together into a
 * serialised Lunr index and opened with `lunr.Index.load`.
 *
 * Files, below `search/` in the site:
 * - `meta.json` ({@link SearchMeta}): article count, shard count, fields with their boosts and
 *   total lengths, topic spellings.
 * - `filters.json` ({@link FilterOptions}): filter options, loaded when filters are shown or used.
 * - `t/<n>.json` ({@link TermShard}): term → per field, `[doc, tf, length, doc+, tf, length, …]`
 *   with doc numbers delta-coded: the term's count in the field and the field's length, from
 *   which, with the article count and mean lengths of `meta.json`, the reader computes Lunr's
 *   field-vector weights (see `bm25.ts`). A shard thus changes only when an article holding one
 *   of its terms comes, goes or changes.
 * - `p/<n>.json` ({@link PositionShard}): term → per field, `[doc+, count, pos, pos+, …]`, the word
 *   positions phrase queries check.
 * - `d/<doc>.json` ({@link DocFile}): what a result shows of one article.
 * - `f/<id>.json`: a filter's articles, delta-coded doc numbers.
 *
 * An article's doc number comes from a hash of its slug (see `src/search/doc-ids.ts`), so it and
 * its result file stay the same when other articles come and go; filter files are named by a
 * hash of their value for the same reason.
 */

import { idf, weight } from "./bm25.js";

/** Version of the file layout; bumped when a reader of the old layout would misread the new. */
export const FORMAT_VERSION = 2;

/** A filter value: label shown, value used in the URL, file of its articles, article count. */
export type FilterOption = readonly [label: string, value: string, file: string, count: number];

/** Filters a search can be narrowed by. */
export const FILTER_KINDS = ["topic", "publisher", "year"] as const;

/** One of {@link FILTER_KINDS}. */
export type FilterKind = (typeof FILTER_KINDS)[number];

/** The small file a search loads first. */
export interface SearchMeta {
  readonly v: number;
  /** Lunr version the scores come from. */
  readonly lunr: string;
  /** Number of articles (doc numbers are spread over a wider range; see `src/search/doc-ids.ts`). */
  readonly docs: number;
  /** Number of term shards (and of position shards). */
  readonly shards: number;
  /** Index fields, in the order postings list them. */
  readonly fields: readonly string[];
  /** Each field's boost. */
  readonly boosts: readonly number[];
  /** Each field's length summed over all articles (indexed words). */
  readonly lengths: readonly number[];
  /** Per topic, each spelling as index terms; "" stands for a word the index drops (stop word). */
  readonly aliases: readonly (readonly (readonly string[])[])[];
}

/** Filter options per kind. */
export type FilterOptions = Readonly<Record<FilterKind, readonly FilterOption[]>>;

/** Term shard: term → per field, flat delta-coded `[doc, tf, length, …]`. */
export type TermShard = Readonly<Record<string, readonly (readonly number[])[]>>;

/** Position shard: term → per field, flat `[doc+, count, pos, pos+, …]`. */
export type PositionShard = Readonly<Record<string, readonly (readonly number[])[]>>;

/** What a result shows of one article. */
export interface DocFile {
  /** Slug (the article is at `articles/<slug>/`). */
  readonly s: string;
  /** Title. */
  readonly t: string;
  /** Date label, e.g. "1 August 2018" or "date unknown". */
  readonly d: string;
  /** Publisher, or "". */
  readonly p: string;
  /** Standfirst and body text, for the excerpt. */
  readonly x: string;
}

/** A term's postings in one field: doc number, Lunr weight, and word positions when loaded. */
export interface Posting {
  readonly doc: number;
  readonly score: number;
  readonly positions?: readonly number[];
}

/** Paths of the index files, relative to the site root. */
export const SEARCH_PATHS = {
  meta: "search/meta.json",
  filters: "search/filters.json",
  terms: (shard: number) => `search/t/${shard}.json`,
  positions: (shard: number) => `search/p/${shard}.json`,
  doc: (doc: number) => `search/d/${doc}.json`,
  filter: (file: string) => `search/f/${file}.json`,
} as const;

/**
 * The shard a term lives in: 32-bit FNV-1a hash of its UTF-16 code units, modulo the count.
 *
 * @param term Index term.
 * @param shards Number of shards.
 * @returns Shard number in `[0, shards)`.
 */
export function shardOf(term: string, shards: number): number {
  return hash32(term) % shards;
}

/**
 * 32-bit FNV-1a hash of a string's UTF-16 code units.
 *
 * @param text Any string.
 * @returns An unsigned 32-bit integer.
 */
export function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * Encode ascending numbers as a first value and differences.
 *
 * @param values Ascending numbers.
 * @returns Delta-coded numbers.
 */
export function deltaEncode(values: readonly number[]): number[] {
  return values.map((v, i) => (i === 0 ? v : v - values[i - 1]!));
}

/**
 * Decode numbers written by {@link deltaEncode}.
 *
 * @param deltas Delta-coded numbers.
 * @returns The ascending numbers.
 */
export function deltaDecode(deltas: readonly number[]): number[] {
  const out: number[] = [];
  let last = 0;
  for (const d of deltas) out.push((last += d));
  return out;
}

/** Entries of a term shard per posting: doc number (delta), term frequency, field length. */
const TERM_STRIDE = 3;

/**
 * Read one term's postings from a term shard entry, with their Lunr weights, and with positions
 * when a position entry is given.
 *
 * @param terms The term's entry in a {@link TermShard}.
 * @param meta Article count, field boosts and total lengths.
 * @param positions The term's entry in a {@link PositionShard}, if loaded.
 * @returns Per field, the postings in doc order.
 */
export function decodePostings(terms: readonly (readonly number[])[], meta: Pick<SearchMeta, "docs" | "boosts" | "lengths">, positions?: readonly (readonly number[])[]): Posting[][] {
  const termIdf = idf(terms.reduce((n, flat) => n + Math.floor(flat.length / TERM_STRIDE), 0), meta.docs);
  return terms.map((flat, field) => {
    const where = positions ? decodePositions(positions[field] ?? []) : null;
    const average = meta.lengths[field]! / meta.docs;
    const boost = meta.boosts[field]!;
    const out: Posting[] = [];
    let doc = 0;
    for (let i = 0; i + TERM_STRIDE <= flat.length; i += TERM_STRIDE) {
      doc += flat[i]!;
      const score = weight(termIdf, flat[i + 1]!, flat[i + 2]!, average, boost) / 1000;
      const found = where?.get(doc);
      out.push(found ? { doc, score, positions: found } : { doc, score });
    }
    return out;
  });
}

function decodePositions(flat: readonly number[]): Map<number, number[]> {
  const out = new Map<number, number[]>();
  let doc = 0;
  for (let i = 0; i < flat.length; ) {
    doc += flat[i++]!;
    const count = flat[i++] ?? 0;
    out.set(doc, deltaDecode(flat.slice(i, i + count)));
    i += count;
  }
  return out;
}

/** A serialised Lunr index, as `lunr.Index.load` reads it. */
export interface SerialisedIndex {
  readonly version: string;
  readonly fields: readonly string[];
  readonly fieldVectors: [string, number[]][];
  readonly invertedIndex: [string, Record<string, unknown>][];
  readonly pipeline: readonly string[];
}

/** Name of the one field of an assembled index. */
export const ASSEMBLED_FIELD = "all";
/** Word positions of field `f` are shifted by `f × FIELD_SPAN`, so no phrase spans two fields. */
export const FIELD_SPAN = 2 ** 28;

/**
 * Put loaded terms back together into a serialised Lunr index with one field whose weights are
 * the sums of the archive index's per-field weights. Its scores equal the archive index's:
 * Lunr scores a document by Σ over fields of (query · field vector) / |query|, the query vector is
 * the same in every field, and entries of terms outside the query never count — so summing the
 * fields first gives the same sum, with a third of the work for Lunr.
 *
 * @param terms Term → per field postings (from {@link decodePostings}).
 * @param version Lunr version to stamp (the running Lunr's, to avoid a version warning).
 * @returns An object for `lunr.Index.load`; positions (when loaded) are kept as `index` metadata.
 */
export function assembleIndex(terms: ReadonlyMap<string, readonly (readonly Posting[])[]>, version: string): SerialisedIndex {
  const sorted = [...terms.keys()].sort();
  const vectors = new Map<number, number[]>();
  const invertedIndex: [string, Record<string, unknown>][] = [];
  sorted.forEach((term, termIndex) => {
    const weights = new Map<number, number>();
    const positions = new Map<number, number[]>();
    terms.get(term)!.forEach((list, f) => {
      for (const p of list) {
        weights.set(p.doc, (weights.get(p.doc) ?? 0) + p.score);
        if (!p.positions) continue;
        let where = positions.get(p.doc);
        if (!where) positions.set(p.doc, (where = []));
        for (const at of p.positions) where.push(f * FIELD_SPAN + at);
      }
    });
    const refs: Record<string, unknown> = {};
    for (const [doc, weight] of weights) {
      const where = positions.get(doc);
      refs[doc] = where ? { index: where } : {};
      let vector = vectors.get(doc);
      if (!vector) vectors.set(doc, (vector = []));
      vector.push(termIndex, weight);
    }
    invertedIndex.push([term, { _index: termIndex, [ASSEMBLED_FIELD]: refs }]);
  });
  const fieldVectors = [...vectors].map(([doc, vector]): [string, number[]] => [`${ASSEMBLED_FIELD}/${doc}`, vector]);
  return { version, fields: [ASSEMBLED_FIELD], fieldVectors, invertedIndex, pipeline: ["stemmer"] };
}
