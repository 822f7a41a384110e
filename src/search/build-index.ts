/**
 * The search stage: the archive's Lunr index, cut into shards a browser fetches per query term,
 * with the files results and filters need. See `src/client/format.ts` for the file layout.
 */
import lunr from "lunr";
import { FORMAT_VERSION, SEARCH_PATHS, type DocFile, type SearchMeta } from "../client/format.js";
import { spellingTerms } from "../client/query.js";
import type { ArticleRecord } from "../record.js";
import { dateLabel } from "../render/site-data.js";
import type { TopicPage } from "../topics/assign.js";
import type { OutputFile } from "../write/output.js";
import { buildFilters } from "./filters.js";
import { buildLunrIndex, indexedDocuments, SEARCH_FIELDS, topicSpellings } from "./lunr-index.js";
import { cutShards, extractPostings } from "./shards.js";

/** Characters of article text a result file keeps for excerpts. */
export const MAX_EXCERPT_SOURCE = 20_000;

/** Compiled browser modules (in `lib/client/`) the search page loads from `assets/`. */
export const SEARCH_CLIENT_MODULES: readonly string[] = Object.freeze(["search.js", "engine.js", "format.js", "query.js", "excerpt.js"]);

/** Options for {@link buildSearchIndex}. */
export interface SearchIndexOptions {
  /** Shard count (a power of two); chosen from the index size when omitted. */
  readonly shards?: number;
}

/**
 * Build the search files: meta, term and position shards, one result file per article, the
 * filter options and one file per filter option.
 *
 * @param records Published records.
 * @param topics Topic pages, for spellings and the topic filter.
 * @param options Shard count.
 * @returns Files to write below the site root.
 */
export function buildSearchIndex(records: readonly ArticleRecord[], topics: readonly TopicPage[], options: SearchIndexOptions = {}): { files: OutputFile[] } {
  const { records: ordered, docs } = indexedDocuments(records, topics);
  const fields = SEARCH_FIELDS.map((f) => f.name);
  const shards = cutShards(extractPostings(buildLunrIndex(docs), fields), options.shards);
  const filters = buildFilters(ordered, topics);
  const meta: SearchMeta = {
    v: FORMAT_VERSION,
    lunr: lunr.version,
    docs: ordered.length,
    shards: shards.terms.length,
    fields,
    aliases: aliasMap(topics),
  };
  const files: OutputFile[] = [
    { path: SEARCH_PATHS.meta, content: JSON.stringify(meta) },
    { path: SEARCH_PATHS.filters, content: JSON.stringify(filters.options) },
  ];
  shards.terms.forEach((shard, i) => files.push({ path: SEARCH_PATHS.terms(i), content: JSON.stringify(shard) }));
  shards.positions.forEach((shard, i) => files.push({ path: SEARCH_PATHS.positions(i), content: JSON.stringify(shard) }));
  ordered.forEach((r, i) => files.push({ path: SEARCH_PATHS.doc(i), content: JSON.stringify(resultFile(r)) }));
  for (const [file, docList] of filters.files) files.push({ path: SEARCH_PATHS.filter(file), content: JSON.stringify(docList) });
  return { files };
}

/** What a result shows of an article. */
function resultFile(r: ArticleRecord): DocFile {
  const text = [r.subtitle ?? "", ...r.body.map((b) => b.text)].filter(Boolean).join("\n");
  return { s: r.slug, t: r.title, d: dateLabel(r.published), p: r.publisher ?? "", x: text.slice(0, MAX_EXCERPT_SOURCE) };
}

/** Per topic, its distinct spellings as index terms (spellings of only stop words left out). */
function aliasMap(topics: readonly TopicPage[]): string[][][] {
  return topics
    .map((t) => {
      const seen = new Set<string>();
      return topicSpellings(t)
        .map((a) => spellingTerms(lunr, a))
        .filter((s) => s.length > 0 && !seen.has(s.join(" ")) && seen.add(s.join(" ")));
    })
    .filter((spellings) => spellings.length > 1);
}
