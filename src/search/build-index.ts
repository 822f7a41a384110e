/**
 * The search stage: the archive's Lunr index, cut into shards a browser fetches per query term,
 * with the files results and filters need. See `src/client/format.ts` for the file layout.
 *
 * The index is built directly in Lunr's form (Lunr's tokenizer and pipeline, and what its weights
 * are computed from; see `src/client/bm25.ts`) rather than through `lunr.Builder`, one document at a time into compact postings,
 * and its files are produced in batches so a caller can write them as they come.
 */
import lunr from "lunr";
import { FORMAT_VERSION, SEARCH_PATHS, type DocFile, type SearchMeta } from "../client/format.js";
import { spellingTerms } from "../client/query.js";
import { dateLabel } from "../render/site-data.js";
import type { OutputFile } from "../write/output.js";
import { assignDocIds } from "./doc-ids.js";
import { buildFilters } from "./filters.js";
import { InvertedIndex } from "./inverted.js";
import { fieldTexts, SEARCH_FIELDS, spellingsByTopic, topicSpellings, type SearchRecord, type SearchTopic, type Spelling, type SpellingsByTopic } from "./lunr-index.js";
import { cutShards, shardCount } from "./shards.js";

/** Characters of article text a result file keeps for excerpts. */
export const MAX_EXCERPT_SOURCE = 20_000;

/** Compiled browser modules (in `lib/client/`) the search page loads from `assets/`. */
export const SEARCH_CLIENT_MODULES: readonly string[] = Object.freeze(["search.js", "engine.js", "format.js", "bm25.js", "query.js", "excerpt.js"]);

/** Files yielded at once by {@link searchIndexBatches} (about). */
const BATCH_FILES = 1024;

/** Options for {@link buildSearchIndex}. */
export interface SearchIndexOptions {
  /** Shard count (a power of two); chosen from the index size when omitted. */
  readonly shards?: number;
}

/**
 * Build the search files: meta, term and position shards, one result file per article, the
 * filter options and one file per filter option.
 *
 * @param records Published records (distinct slugs).
 * @param topics Topic pages, for spellings and the topic filter.
 * @param options Shard count.
 * @returns Files to write below the site root.
 */
export function buildSearchIndex(records: readonly SearchRecord[], topics: readonly SearchTopic[], options: SearchIndexOptions = {}): { files: OutputFile[] } {
  const files: OutputFile[] = [];
  for (const batch of searchIndexBatches(records, topics, options)) files.push(...batch);
  return { files };
}

/**
 * The files of {@link buildSearchIndex}, in batches of about a thousand: the index is built
 * when the first batch is asked for, and each batch's text is made only when it is reached, so
 * writing every batch before asking for the next keeps memory low.
 *
 * @param records Published records (distinct slugs).
 * @param topics Topic pages, for spellings and the topic filter.
 * @param options Shard count.
 * @returns Batches of files to write below the site root.
 */
export function* searchIndexBatches(records: readonly SearchRecord[], topics: readonly SearchTopic[], options: SearchIndexOptions = {}): Generator<OutputFile[]> {
  const ids = assignDocIds(records.map((r) => r.slug));
  const ordered = [...records].sort((a, b) => ids.get(a.slug)! - ids.get(b.slug)!);
  const docIds = ordered.map((r) => ids.get(r.slug)!);
  const index = indexRecords(ordered, spellingsByTopic(topics));
  const count = options.shards ?? shardCount(index.postingCount);
  const filters = buildFilters(ordered, docIds, topics);
  const meta: SearchMeta = {
    v: FORMAT_VERSION,
    lunr: lunr.version,
    docs: ordered.length,
    shards: count,
    fields: SEARCH_FIELDS.map((f) => f.name),
    boosts: SEARCH_FIELDS.map((f) => f.boost),
    lengths: index.totalLengths,
    aliases: aliasMap(topics),
  };
  let batch: OutputFile[] = [
    { path: SEARCH_PATHS.meta, content: JSON.stringify(meta) },
    { path: SEARCH_PATHS.filters, content: JSON.stringify(filters.options) },
  ];
  const flush = function* (limit: number) {
    if (batch.length < limit) return;
    yield batch;
    batch = [];
  };
  for (const shard of cutShards(index, count, docIds)) {
    batch.push({ path: SEARCH_PATHS.terms(shard.shard), content: shard.terms }, { path: SEARCH_PATHS.positions(shard.shard), content: shard.positions });
    yield* flush(BATCH_FILES);
  }
  for (const [file, docList] of filters.files) {
    batch.push({ path: SEARCH_PATHS.filter(file), content: JSON.stringify(docList) });
    yield* flush(BATCH_FILES);
  }
  for (let i = 0; i < ordered.length; i++) {
    batch.push({ path: SEARCH_PATHS.doc(docIds[i]!), content: JSON.stringify(resultFile(ordered[i]!)) });
    yield* flush(BATCH_FILES);
  }
  yield* flush(1);
}

/** Index records in doc-number order. */
function indexRecords(records: readonly SearchRecord[], spellings: SpellingsByTopic): InvertedIndex {
  const index = new InvertedIndex(SEARCH_FIELDS.length);
  const known = new Map<Spelling, readonly number[]>();
  const numbers = (s: Spelling) => {
    let found = known.get(s);
    if (!found) {
      found = s.terms.map((term) => index.termNumber(term));
      if (found.every((n) => n >= 0)) known.set(s, found);
    }
    return found;
  };
  for (const r of records) index.add(fieldTexts(r, spellings, numbers));
  return index;
}

/** What a result shows of an article. */
function resultFile(r: SearchRecord): DocFile {
  const text = [r.subtitle ?? "", ...r.body.map((b) => b.text)].filter(Boolean).join("\n");
  return { s: r.slug, t: r.title, d: dateLabel(r.published), p: r.publisher ?? "", x: text.slice(0, MAX_EXCERPT_SOURCE) };
}

/** Per topic, its distinct spellings as index terms (spellings of only stop words left out). */
function aliasMap(topics: readonly SearchTopic[]): string[][][] {
  return topics
    .map((t) => {
      const seen = new Set<string>();
      return topicSpellings(t)
        .map((a) => spellingTerms(lunr, a))
        .filter((s) => s.length > 0 && !seen.has(s.join(" ")) && seen.add(s.join(" ")));
    })
    .filter((spellings) => spellings.length > 1);
}
