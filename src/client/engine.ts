/**
 * Running a query against the sharded index: fetch the shards holding the query's terms, open
 * them as one Lunr index, score with Lunr, keep the documents that satisfy every group, and
 * narrow by filters. Works the same in the browser and in Node (the loader is passed in).
 */
import {
  assembleIndex,
  decodePostings,
  deltaDecode,
  FILTER_KINDS,
  SEARCH_PATHS,
  shardOf,
  type DocFile,
  type FilterKind,
  type FilterOptions,
  type PositionShard,
  type Posting,
  type SearchMeta,
  type TermShard,
} from "./format.js";
import { parseQuery, queryTermsOf, type Alternative, type Group, type Lunr, type ParsedQuery } from "./query.js";

/** Fetches a file of the site (path relative to the site root) as parsed JSON; null when missing. */
export type Loader = (path: string) => Promise<unknown>;

/** Chosen filter values (the `value` of a filter option), by kind. */
export type Filters = Partial<Record<FilterKind, string>>;

/** A matching article and its Lunr score. */
export interface Hit {
  readonly doc: number;
  readonly score: number;
}

/** The answer to a query. */
export interface SearchOutcome {
  /** Matching articles, best first. */
  readonly hits: readonly Hit[];
  readonly parsed: ParsedQuery;
  /** Word sequences to mark in titles and excerpts. */
  readonly highlights: readonly Alternative[];
}

/** Search over the files of a built archive. */
export class SearchEngine {
  readonly #lunr: Lunr;
  readonly #load: Loader;
  readonly #files = new Map<string, Promise<unknown>>();

  /**
   * @param lunr The Lunr module.
   * @param load Reads an index file.
   */
  constructor(lunr: Lunr, load: Loader) {
    this.#lunr = lunr;
    this.#load = load;
  }

  /** The index's meta file (loaded once). */
  meta(): Promise<SearchMeta> {
    return this.#file(SEARCH_PATHS.meta) as Promise<SearchMeta>;
  }

  /** The filter options (loaded once). */
  filters(): Promise<FilterOptions> {
    return this.#file(SEARCH_PATHS.filters) as Promise<FilterOptions>;
  }

  /**
   * What a result shows of one article.
   *
   * @param doc Doc number.
   */
  doc(doc: number): Promise<DocFile | null> {
    return this.#file(SEARCH_PATHS.doc(doc)) as Promise<DocFile | null>;
  }

  /**
   * Fetch the shards a query will need, without running it.
   *
   * @param query What the reader typed so far.
   */
  async prefetch(query: string): Promise<void> {
    const meta = await this.meta();
    const terms = queryTermsOf(parseQuery(this.#lunr, query, meta.aliases));
    await Promise.all(terms.map((t) => this.#file(SEARCH_PATHS.terms(shardOf(t, meta.shards)))));
  }

  /**
   * Find the articles matching every group of `query`, narrowed by `filters`, best first.
   *
   * @param query What the reader typed (any text).
   * @param filters Chosen filter values.
   * @returns Hits and what to highlight.
   */
  async search(query: string, filters: Filters = {}): Promise<SearchOutcome> {
    const meta = await this.meta();
    const parsed = parseQuery(this.#lunr, query, meta.aliases);
    const highlights = parsed.groups.flatMap((g) => [...g.alternatives, ...g.highlights]);
    if (parsed.groups.length === 0) return { hits: [], parsed, highlights };
    const phrases = parsed.groups.some((g) => g.alternatives.some((a) => a.phrase));
    const [postings, allowed] = await Promise.all([this.#postings(queryTermsOf(parsed), meta, phrases), this.#allowed(filters)]);
    const candidates = candidateDocs(postings, parsed.groups, allowed);
    const hits = this.score(restrict(postings, candidates), parsed.groups);
    return { hits, parsed, highlights };
  }

  /**
   * Score loaded postings with Lunr and keep documents satisfying every group.
   *
   * @param postings Term → per field postings.
   * @param groups Required groups.
   * @returns Hits, best first (ties in doc order).
   */
  score(postings: ReadonlyMap<string, readonly (readonly Posting[])[]>, groups: readonly Group[]): Hit[] {
    if (postings.size === 0) return [];
    const lunr = this.#lunr;
    const index = lunr.Index.load(assembleIndex(postings, lunr.version) as unknown as object);
    const results = index.query((q) => {
      for (const term of postings.keys()) q.term(term, { usePipeline: false, wildcard: lunr.Query.wildcard.NONE });
    });
    const hits: Hit[] = [];
    for (const r of results) {
      const matched = r.matchData.metadata as Record<string, Record<string, { index?: number[] }>>;
      if (groups.every((g) => g.alternatives.some((a) => satisfies(a, matched)))) hits.push({ doc: Number(r.ref), score: r.score });
    }
    return hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
  }

  async #postings(terms: readonly string[], meta: SearchMeta, phrases: boolean) {
    const shardFiles = terms.map((t) => this.#file(SEARCH_PATHS.terms(shardOf(t, meta.shards))) as Promise<TermShard | null>);
    const positionFiles = terms.map((t) =>
      phrases ? (this.#file(SEARCH_PATHS.positions(shardOf(t, meta.shards))) as Promise<PositionShard | null>) : Promise.resolve(null),
    );
    const [shards, positions] = await Promise.all([Promise.all(shardFiles), Promise.all(positionFiles)]);
    const out = new Map<string, Posting[][]>();
    terms.forEach((term, i) => {
      const entry = own(shards[i], term);
      if (entry) out.set(term, decodePostings(entry, meta, phrases ? (own(positions[i], term) ?? []) : undefined));
    });
    return out;
  }

  async #allowed(filters: Filters): Promise<Set<number> | null> {
    let allowed: Set<number> | null = null;
    for (const kind of FILTER_KINDS) {
      const value = filters[kind];
      if (!value) continue;
      const option = (await this.filters())[kind].find((o) => o[1] === value);
      const docs = option ? deltaDecode(((await this.#file(SEARCH_PATHS.filter(option[2]))) as number[] | null) ?? []) : [];
      const set: Set<number> = new Set(docs);
      allowed = allowed === null ? set : new Set<number>([...allowed].filter((d: number) => set.has(d)));
    }
    return allowed;
  }

  #file(path: string): Promise<unknown> {
    let file = this.#files.get(path);
    if (!file) {
      file = this.#load(path);
      this.#files.set(path, file);
      file.catch(() => this.#files.delete(path));
    }
    return file;
  }
}

/** Docs containing, in some field, every term of some alternative of every group (and allowed by the filters). */
function candidateDocs(postings: ReadonlyMap<string, readonly (readonly Posting[])[]>, groups: readonly Group[], allowed: Set<number> | null): Set<number> {
  const docsOf = (term: string): Set<number> => new Set((postings.get(term) ?? []).flatMap((list) => list.map((p) => p.doc)));
  let candidates: Set<number> | null = allowed;
  for (const group of groups) {
    const satisfying = new Set<number>();
    for (const alt of group.alternatives) {
      let docs: Set<number> | null = null;
      for (const token of alt.tokens) docs = intersect(docs, docsOf(token.term));
      for (const doc of docs ?? []) satisfying.add(doc);
    }
    candidates = intersect(candidates, satisfying);
  }
  return candidates ?? new Set();
}

function intersect(a: Set<number> | null, b: Set<number>): Set<number> {
  if (a === null) return b;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  const out = new Set<number>();
  for (const x of small) if (large.has(x)) out.add(x);
  return out;
}

/** Postings of the candidate docs only (their Lunr scores do not depend on other docs' entries). */
function restrict(postings: ReadonlyMap<string, readonly (readonly Posting[])[]>, docs: ReadonlySet<number>): Map<string, Posting[][]> {
  const out = new Map<string, Posting[][]>();
  for (const [term, perField] of postings) {
    const kept = perField.map((list) => list.filter((p) => docs.has(p.doc)));
    if (kept.some((list) => list.length > 0)) out.set(term, kept);
  }
  return out;
}

function own<T>(record: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return record && Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Whether a document's matched terms satisfy an alternative (in order, for a phrase). */
function satisfies(alt: Alternative, matched: Record<string, Record<string, { index?: number[] }>>): boolean {
  if (!alt.tokens.every((t) => own(matched, t.term))) return false;
  if (!alt.phrase) return true;
  const [first, ...rest] = alt.tokens;
  for (const [field, meta] of Object.entries(matched[first!.term]!)) {
    for (const start of meta.index ?? []) {
      if (rest.every((t) => matched[t.term]?.[field]?.index?.includes(start + t.offset))) return true;
    }
  }
  return false;
}
