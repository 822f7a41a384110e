/**
 * The search stage: the archive's Lunr index, cut into shards a browser fetches per query term,
 * with the files results and filters need. See `src/client/format.ts` for the file layout.
 *
 * The index is built directly in Lunr's form (Lunr's tokenizer and pipeline, and what its weights
 * are computed from; see `src/client/bm25.ts`) rather than through `lunr.Builder`, one document at a time into compact postings,
 * and its files are produced in batches so a caller can write them as they come.
 */
import lunr from "lunr";
import { contentHash } from "../cache/site-manifest.js";
import { FORMAT_VERSION, SEARCH_PATHS, type DocFile, type SearchMeta } from "../client/format.js";
import { spellingTerms } from "../client/query.js";
import { dateLabel } from "../render/site-data.js";
import type { OutputFile } from "../write/output.js";
import { searchCodeKey } from "./code-key.js";
import { assignDocIds } from "./doc-ids.js";
import { buildFilters } from "./filters.js";
import { InvertedIndex, postingsFit } from "./inverted.js";
import { NO_POSTINGS, type PostingsCache } from "./postings-cache.js";
import { ownFieldTexts, SEARCH_FIELDS, spellingsByTopic, topicsField, topicSpellings, TOPICS_FIELD, type LeanTextRecord, type SearchRecord, type SearchTopic, type Spelling, type SpellingsByTopic, type TextRecord } from "./lunr-index.js";
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

/** Options for {@link SearchTexts.batches}. */
export interface SearchBatchOptions extends SearchIndexOptions {
  /**
   * What names each file of the last build's index (see {@link IndexFile}): a file whose name
   * is unchanged is not made again.
   */
  readonly previous?: ReadonlyMap<string, string>;
}

/**
 * A search file. `identity` names it in the build's manifest: for the files made most often
 * (term and position shards, result files), a fingerprint of everything they are made from,
 * starting with `=`; for the others, their content's hash. A file whose fingerprint is that of
 * the last build comes without its content: the last build's file stands.
 */
export interface IndexFile {
  readonly path: string;
  readonly identity?: string;
  readonly content?: string | Uint8Array;
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
  for (const batch of searchIndexBatches(records, topics, options)) for (const file of batch) files.push({ path: file.path, content: file.content! });
  return { files };
}

/**
 * The files of {@link buildSearchIndex}, in batches of about a thousand: the index is built
 * when the first batch is asked for, and each batch's text is made only when it is reached, so
 * writing every batch before asking for the next keeps memory low.
 *
 * @param records Published records (distinct slugs).
 * @param topics Topic pages, for spellings and the topic filter.
 * @param options Shard count, and the last build's files (see `SearchBatchOptions`).
 * @returns Batches of files to write below the site root.
 */
export function* searchIndexBatches(records: readonly SearchRecord[], topics: readonly SearchTopic[], options: SearchBatchOptions = {}): Generator<IndexFile[]> {
  yield* new SearchTexts(records).batches(
    records.map((r) => r.topics),
    topics,
    options,
  );
}

/**
 * The first half of {@link searchIndexBatches}, which needs no topics: every article's own
 * fields read into the index. It can run while the topics are still being found; the files
 * are the same either way.
 */
export class SearchTexts {
  readonly #ordered: LeanTextRecord[];
  /** Per record as given, its place in doc-number order. */
  readonly #place: readonly number[];
  readonly #docIds: readonly number[];
  /** Per record in doc-number order: a name for its own fields and doc number (see `docName`). */
  readonly #names: readonly string[];
  readonly #index = new InvertedIndex(SEARCH_FIELDS.length);
  /** Records whose texts were read (the others' postings came from the cache). */
  readonly read: number;

  /**
   * @param records Published records (distinct slugs); their topics, if any, are not read. A
   *   record may come without its body (see `LeanTextRecord`) when `cache` holds its postings or
   *   `bodies` its body (see {@link SearchTexts.wanted}).
   * @param cache Postings kept from earlier builds: an article found there by the name of its
   *   content is not read again.
   * @param bodies Bodies of records that came without one, by their `stored` key.
   * @throws Error when a record without its body has to be read and `bodies` lacks it.
   */
  constructor(records: readonly LeanTextRecord[], cache: PostingsCache = NO_POSTINGS, bodies: ReadonlyMap<string, TextRecord["body"]> = NO_BODIES) {
    const { place, ordered, docIds, names } = docOrder(records);
    this.#place = place;
    this.#ordered = [...ordered];
    this.#docIds = docIds;
    this.#names = names;
    this.#index.table.seed(cache.terms);
    let read = 0;
    this.#ordered.forEach((r, i) => {
      const name = this.#names[i]!;
      const kept = cache.docs.get(name);
      if (kept !== undefined && this.#index.addRead(kept, name)) return;
      read++;
      this.#index.add(ownFieldTexts(this.#withBody(i, bodies)), name);
    });
    this.read = read;
  }

  /**
   * The `stored` keys of the records given without their body that {@link SearchTexts} would
   * have to read, `cache` lacking their postings.
   *
   * @param records As they will be given to the constructor.
   * @param cache The postings it will be given.
   */
  static wanted(records: readonly LeanTextRecord[], cache: PostingsCache): string[] {
    if (records.every((r) => r.body !== undefined)) return [];
    const { ordered, names } = docOrder(records);
    return ordered.flatMap((r, i) => {
      const kept = cache.docs.get(names[i]!);
      return r.stored !== undefined && (kept === undefined || !postingsFit(kept, cache.terms.length)) ? [r.stored] : [];
    });
  }

  /**
   * The `stored` keys of the records given without their body whose result file differs from
   * the last build's, so that {@link batches} needs their body (see {@link giveBodies}).
   *
   * @param previous What named each search file of the last build (see `IndexFile`).
   */
  bodiesWanted(previous: ReadonlyMap<string, string>): string[] {
    return this.#ordered.flatMap((r, i) => (r.stored !== undefined && r.body === undefined && previous.get(SEARCH_PATHS.doc(this.#docIds[i]!)) !== `=${this.#names[i]!}` ? [r.stored] : []));
  }

  /**
   * Give the bodies {@link bodiesWanted} named.
   *
   * @param bodies Bodies by `stored` key.
   */
  giveBodies(bodies: ReadonlyMap<string, TextRecord["body"]>): void {
    this.#ordered.forEach((r, i) => {
      if (r.body === undefined && bodies.has(r.stored)) this.#withBody(i, bodies);
    });
  }

  /** The record at `i` in doc order with its body, taken from `bodies` when it came without. */
  #withBody(i: number, bodies: ReadonlyMap<string, TextRecord["body"]>): TextRecord {
    const r = this.#ordered[i]!;
    if (r.body !== undefined) return r;
    const body = bodies.get(r.stored);
    if (body === undefined) throw new Error(`the text of ${r.slug} is needed, and the record cache does not hold it`);
    const { stored: _stored, ...rest } = r;
    return (this.#ordered[i] = { ...rest, body });
  }

  /**
   * What the next build's {@link SearchTexts} can take instead of reading these texts again:
   * the term table and each article's postings by name. Asked for before the files.
   */
  cache(): { readonly terms: readonly string[]; readonly docs: readonly (readonly [string, Uint8Array])[] } {
    return { terms: this.#index.table.terms, docs: this.#names.map((name, i) => [name, this.#index.ownPostings(i)] as const) };
  }

  /**
   * The files, in batches (see {@link searchIndexBatches}); asked for once.
   *
   * @param topicsOf Each record's topic names, in the order the records were given.
   * @param topics Topic pages, for spellings and the topic filter.
   * @param options Shard count, and the last build's files.
   */
  *batches(topicsOf: readonly string[][], topics: readonly SearchTopic[], options: SearchBatchOptions = {}): Generator<IndexFile[]> {
    if (topicsOf.length !== this.#ordered.length) throw new Error(`search index: topics for ${topicsOf.length} of ${this.#ordered.length} articles`);
    const ordered: (LeanTextRecord & { readonly topics: string[] })[] = new Array(topicsOf.length);
    topicsOf.forEach((names, i) => (ordered[this.#place[i]!] = { ...this.#ordered[this.#place[i]!]!, topics: names }));
    const docIds = this.#docIds;
    const index = this.#index;
    addTopics(index, ordered, spellingsByTopic(topics));
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
    const previous = options.previous ?? new Map<string, string>();
    const key = searchCodeKey();
    let batch: IndexFile[] = [
      { path: SEARCH_PATHS.meta, content: JSON.stringify(meta) },
      { path: SEARCH_PATHS.filters, content: JSON.stringify(filters.options) },
    ];
    const flush = function* (limit: number) {
      if (batch.length < limit) return;
      yield batch;
      batch = [];
    };
    const unchanged = (shard: number, fingerprint: string) =>
      previous.get(SEARCH_PATHS.terms(shard)) === `=${fingerprint}` && previous.get(SEARCH_PATHS.positions(shard)) === `=${fingerprint}`;
    for (const shard of cutShards(index, count, docIds, { key, unchanged })) {
      const identity = `=${shard.fingerprint}`;
      batch.push({ path: SEARCH_PATHS.terms(shard.shard), identity, content: shard.terms }, { path: SEARCH_PATHS.positions(shard.shard), identity, content: shard.positions });
      yield* flush(BATCH_FILES);
    }
    for (const [file, docList] of filters.files) {
      batch.push({ path: SEARCH_PATHS.filter(file), content: JSON.stringify(docList) });
      yield* flush(BATCH_FILES);
    }
    for (let i = 0; i < ordered.length; i++) {
      const path = SEARCH_PATHS.doc(docIds[i]!);
      const identity = `=${this.#names[i]!}`;
      batch.push(previous.get(path) === identity ? { path, identity } : { path, identity, content: JSON.stringify(resultFile(ordered[i]!, this.#withBody(i, NO_BODIES).body)) });
      yield* flush(BATCH_FILES);
    }
    yield* flush(1);
  }
}

/** No bodies given. */
const NO_BODIES: ReadonlyMap<string, TextRecord["body"]> = new Map();

/**
 * The records in doc-number order, with their doc numbers and names (see `docName`), and per
 * record as given its place in that order; made once per list (see {@link SearchTexts.wanted}).
 */
function docOrder(records: readonly LeanTextRecord[]): DocOrder {
  let made = orders.get(records);
  if (made === undefined) orders.set(records, (made = makeDocOrder(records)));
  return made;
}

/** What {@link docOrder} made of each list of records it was given. */
const orders = new WeakMap<readonly LeanTextRecord[], DocOrder>();

interface DocOrder {
  readonly place: readonly number[];
  readonly ordered: readonly LeanTextRecord[];
  readonly docIds: readonly number[];
  readonly names: readonly string[];
}

function makeDocOrder(records: readonly LeanTextRecord[]): DocOrder {
  const ids = assignDocIds(records.map((r) => r.slug));
  const order = records.map((_, i) => i).sort((a, b) => ids.get(records[a]!.slug)! - ids.get(records[b]!.slug)!);
  const place = new Array<number>(records.length);
  order.forEach((i, k) => (place[i] = k));
  const ordered = order.map((i) => records[i]!);
  const docIds = ordered.map((r) => ids.get(r.slug)!);
  return { place, ordered, docIds, names: ordered.map((r, i) => docName(r, docIds[i]!)) };
}

/**
 * A name for everything a record's own index fields and result file are made from, with its
 * doc number and the code that reads them (see `searchCodeKey`).
 */
function docName(r: LeanTextRecord, docId: number): string {
  return contentHash(JSON.stringify([searchCodeKey(), docId, r.slug, r.title, r.subtitle, r.authors, r.publisher, r.published, r.bodyName ?? r.body!.map((b) => b.text)]));
}

/** Add every record's topics field, in doc order. */
function addTopics(index: InvertedIndex, records: readonly Omit<SearchRecord, "body">[], spellings: SpellingsByTopic): void {
  const known = new Map<Spelling, readonly number[]>();
  const numbers = (s: Spelling) => {
    let found = known.get(s);
    if (!found) {
      found = s.terms.map((term) => index.termNumber(term));
      if (found.every((n) => n >= 0)) known.set(s, found);
    }
    return found;
  };
  records.forEach((r, doc) => index.addDependent(doc, TOPICS_FIELD, topicsField(r.topics, spellings, numbers)));
}

/** What a result shows of an article. */
function resultFile(r: Pick<SearchRecord, "slug" | "title" | "subtitle" | "published" | "publisher">, body: SearchRecord["body"]): DocFile {
  const text = [r.subtitle ?? "", ...body.map((b) => b.text)].filter(Boolean).join("\n");
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
