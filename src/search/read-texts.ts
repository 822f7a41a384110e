/** Reading the articles' texts into a search index, with the postings kept from earlier builds. */
import { SearchTexts } from "./build-index.js";
import type { TextRecord } from "./lunr-index.js";
import { loadPostingsCache, NO_POSTINGS, savePostingsCache } from "./postings-cache.js";

/**
 * Read the records' texts into an index, taking the postings the cache folder holds for those
 * it has, and keep this build's postings there for the next.
 *
 * @param records Published records (distinct slugs).
 * @param cacheDir Cache folder, or null.
 */
export async function readTexts(records: readonly TextRecord[], cacheDir: string | null): Promise<SearchTexts> {
  const cache = cacheDir === null ? NO_POSTINGS : await loadPostingsCache(cacheDir);
  const texts = new SearchTexts(records, cache);
  const kept = texts.cache();
  if (cacheDir !== null) await savePostingsCache(cacheDir, cache, kept.terms, kept.docs);
  return texts;
}
