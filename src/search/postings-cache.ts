/**
 * The articles' index postings kept between builds, so that a rebuild reads only the texts of
 * articles that changed: each article's own postings (see `InvertedIndex.add`) by the name of
 * its content, with the term table they are numbered by.
 */
import { loadStore, saveStore } from "../cache/store.js";
import { postingTerms, renumberPostings } from "./inverted.js";

/** The cache file. */
const FILE = "search-postings.v8";
/** Key prefixes: a run of the term table (by the number of its first term), and an article's postings (by name). */
const TERMS = "t";
const DOC = "d";

/** Postings kept from earlier builds. */
export interface PostingsCache {
  /** The term table the postings are numbered by. */
  readonly terms: readonly string[];
  /** Each article's own postings, by the name of its content. */
  readonly docs: ReadonlyMap<string, Uint8Array>;
  /** The file's entries, as read. */
  readonly held: ReadonlyMap<string, Uint8Array>;
}

/** A cache with nothing in it. */
export const NO_POSTINGS: PostingsCache = { terms: [], docs: new Map(), held: new Map() };

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * The postings kept in `dir`; none when there is no file, or its term table is not whole.
 *
 * @param dir Cache folder.
 */
export async function loadPostingsCache(dir: string): Promise<PostingsCache> {
  const held = await loadStore(dir, FILE);
  const runs: [number, Uint8Array][] = [];
  const docs = new Map<string, Uint8Array>();
  for (const [key, value] of held) {
    if (key.startsWith(DOC)) docs.set(key.slice(DOC.length), value);
    else if (key.startsWith(TERMS)) runs.push([Number(key.slice(TERMS.length)), value]);
  }
  const terms: string[] = [];
  for (const [start, value] of runs.sort((a, b) => a[0] - b[0])) {
    if (start !== terms.length) return NO_POSTINGS;
    for (const term of decoder.decode(value).split("\n")) terms.push(term);
  }
  return { terms, docs, held };
}

/**
 * Keep this build's postings for the next. When the articles of the file are all still
 * there, the new articles and terms are appended to it; otherwise it is written anew with only
 * the terms its articles use.
 *
 * @param dir Cache folder.
 * @param loaded What was loaded from it.
 * @param terms This build's term table (the loaded one, with the terms added since).
 * @param docs This build's articles' own postings, by name, numbered by `terms`.
 */
export async function savePostingsCache(dir: string, loaded: PostingsCache, terms: readonly string[], docs: readonly (readonly [string, Uint8Array])[]): Promise<void> {
  const names = new Set(docs.map(([name]) => name));
  const kept = [...loaded.docs.keys()].every((name) => names.has(name));
  if (kept) {
    const entries: (readonly [string, Uint8Array])[] = [...loaded.held].filter(([key]) => key.startsWith(TERMS));
    if (terms.length > loaded.terms.length) entries.push([`${TERMS}${loaded.terms.length}`, encoder.encode(terms.slice(loaded.terms.length).join("\n"))]);
    for (const [name, postings] of docs) entries.push([`${DOC}${name}`, postings]);
    await saveStore(dir, FILE, entries, loaded.held);
    return;
  }
  // Numbered anew, in order of first use, so the table holds only the terms still used.
  const numbers = new Int32Array(terms.length).fill(-1);
  const used: string[] = [];
  for (const [, postings] of docs) {
    postingTerms(postings, (term) => {
      if (numbers[term] === -1) numbers[term] = used.push(terms[term]!) - 1;
    });
  }
  const entries: (readonly [string, Uint8Array])[] = used.length > 0 ? [[`${TERMS}0`, encoder.encode(used.join("\n"))]] : [];
  for (const [name, postings] of docs) entries.push([`${DOC}${name}`, renumberPostings(postings, (term) => numbers[term]!)]);
  await saveStore(dir, FILE, entries);
}
