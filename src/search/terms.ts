/**
 * Words to index terms exactly as a Lunr builder makes them — Lunr's separator, then its
 * pipeline (trimmer, stop-word filter, stemmer) — with every distinct word run once and numbered.
 */
import lunr from "lunr";

/** A word Lunr drops (a stop word): it takes a word number but is not indexed. */
export const DROPPED = -1;
/** A word the trimmer empties (punctuation only): Lunr counts it in the field length but no query can find it. */
export const EMPTY = -2;

/** Whether each UTF-16 code unit separates words for Lunr's tokenizer (its `separator`, tested per character as it does). */
const SEPARATES = ((): Uint8Array => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < table.length; c++) table[c] = lunr.tokenizer.separator.test(String.fromCharCode(c)) ? 1 : 0;
  return table;
})();

/**
 * Numbers the index terms of words, caching the pipeline per distinct word. Words are found in a
 * hash table of their own (keyed by the text's characters), so reading a text makes no string
 * for a word seen before.
 */
export class TermTable {
  /** Term text by term number. */
  readonly terms: string[] = [];
  readonly #byTerm = new Map<string, number>();
  readonly #pipeline = new lunr.Pipeline();
  /** Distinct words seen, their hashes and term numbers; `#slots` holds word number + 1 by hash. */
  readonly #words: string[] = [];
  #wordHash: Int32Array = new Int32Array(1024);
  #wordTerm: Int32Array = new Int32Array(1024);
  #slots = new Int32Array(2048);

  constructor() {
    this.#pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  }

  /**
   * Number these terms first, in this order: the terms of a table kept from an earlier build,
   * so that postings made with it can be read with this one. Called before anything is read.
   *
   * @param terms Distinct terms, by number.
   */
  seed(terms: readonly string[]): void {
    if (this.terms.length > 0) throw new Error("search index: a term table can only be seeded while empty");
    for (const term of terms) {
      this.#byTerm.set(term, this.terms.length);
      this.terms.push(term);
    }
  }

  /**
   * Split a field's text into words as Lunr's tokenizer does (lower-cased, split at its
   * separator) and give each word's term number.
   *
   * @param text Field text.
   * @param out Receives the term number (or {@link DROPPED} / {@link EMPTY}) of each word, by word number.
   * @param from Words already in `out` (the text continues a field after a separator).
   * @returns Number of words in `out`.
   */
  read(text: string, out: { terms: Int32Array }, from = 0): number {
    const lower = text.toLowerCase();
    const length = lower.length;
    if (out.terms.length < from + length) out.terms = grown(out.terms, (from + length) * 2);
    const terms = out.terms;
    let count = from;
    let start = -1;
    let hash = 0;
    for (let i = 0; i <= length; i++) {
      const c = i < length ? lower.charCodeAt(i) : 32;
      if (SEPARATES[c] === 1) {
        if (start >= 0) terms[count++] = this.#lookup(lower, start, i, hash);
        start = -1;
      } else {
        if (start < 0) {
          start = i;
          hash = 0x811c9dc5;
        }
        hash = Math.imul(hash ^ c, 0x01000193);
      }
    }
    return count;
  }

  #lookup(text: string, start: number, end: number, hash: number): number {
    const mask = this.#slots.length - 1;
    let slot = hash & mask;
    for (let w = this.#slots[slot]!; w !== 0; w = this.#slots[(slot = (slot + 1) & mask)]!) {
      if (this.#wordHash[w - 1] !== hash) continue;
      const word = this.#words[w - 1]!;
      if (word.length !== end - start) continue;
      let i = 0;
      while (i < word.length && word.charCodeAt(i) === text.charCodeAt(start + i)) i++;
      if (i === word.length) return this.#wordTerm[w - 1]!;
    }
    const word = text.slice(start, end);
    const [token] = this.#pipeline.run([new lunr.Token(word, {})]);
    const term = token === undefined ? DROPPED : this.ofTerm(token.toString(), true);
    const w = this.#words.push(word);
    if (w > this.#wordHash.length) {
      this.#wordHash = grown(this.#wordHash);
      this.#wordTerm = grown(this.#wordTerm);
    }
    this.#wordHash[w - 1] = hash;
    this.#wordTerm[w - 1] = term;
    this.#slots[slot] = w;
    if (w * 2 > this.#slots.length) this.#rehash();
    return term;
  }

  #rehash(): void {
    const slots = new Int32Array(this.#slots.length * 2);
    const mask = slots.length - 1;
    for (let w = 1; w <= this.#words.length; w++) {
      let slot = this.#wordHash[w - 1]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = w;
    }
    this.#slots = slots;
  }

  /**
   * The number of an index term.
   *
   * @param term Index term.
   * @param add Number it when new; otherwise a new term gives {@link DROPPED}.
   * @returns Term number, {@link DROPPED} or {@link EMPTY} for "".
   */
  ofTerm(term: string, add = false): number {
    if (term === "") return EMPTY;
    let id = this.#byTerm.get(term);
    if (id === undefined) {
      if (!add) return DROPPED;
      id = this.terms.push(term) - 1;
      this.#byTerm.set(term, id);
    }
    return id;
  }
}

function grown(array: Int32Array, size = array.length * 2): Int32Array {
  const out = new Int32Array(size);
  out.set(array);
  return out;
}
