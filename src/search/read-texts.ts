/** Reading the articles' texts into a search index, with the postings kept from earlier builds. */
import { loadStoredBodies } from "../cache/records.js";
import { SearchTexts } from "./build-index.js";
import type { LeanTextRecord } from "./lunr-index.js";
import { loadPostingsCache, NO_POSTINGS, savePostingsCache } from "./postings-cache.js";

/**
 * Read the records' texts into an index, taking the postings the cache folder holds for those
 * it has, and keep this build's postings there for the next. The bodies of records given
 * without one whose postings are not kept are read from the record cache.
 *
 * @param records Published records (distinct slugs); without their body only with a cache folder.
 * @param cacheDir Cache folder, or null.
 */
export async function readTexts(records: readonly LeanTextRecord[], cacheDir: string | null): Promise<SearchTexts> {
  const cache = cacheDir === null ? NO_POSTINGS : await loadPostingsCache(cacheDir);
  const wanted = SearchTexts.wanted(records, cache);
  const texts = new SearchTexts(records, cache, wanted.length === 0 || cacheDir === null ? new Map() : await loadStoredBodies(cacheDir, wanted));
  const kept = texts.cache();
  if (cacheDir !== null) await savePostingsCache(cacheDir, cache, kept.terms, kept.docs);
  return texts;
}
