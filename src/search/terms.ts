/**
 * Words to index terms exactly as a Lunr builder makes them — Lunr's separator, then its
 * pipeline (trimmer, stop-word filter, stemmer) — with every distinct word run once and numbered.
 */
import lunr from "lunr";

/** A word Lunr drops (a stop word): it takes a word number but is not indexed. */
export const DROPPED = -1;
/** A word the trimmer empties (punctuation only): Lunr counts it in the field length but no query can find it. */
export const EMPTY = -2;

/** Numbers the index terms of words, caching the pipeline per distinct word. */
export class TermTable {
  /** Term text by term number. */
  readonly terms: string[] = [];
  readonly #byWord = new Map<string, number>();
  readonly #byTerm = new Map<string, number>();
  readonly #pipeline = new lunr.Pipeline();

  constructor() {
    this.#pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
  }

  /**
   * The term number of a lower-cased word (one token of Lunr's tokenizer).
   *
   * @param word Lower-cased text between separators.
   * @returns Term number, {@link DROPPED} or {@link EMPTY}.
   */
  ofWord(word: string): number {
    let id = this.#byWord.get(word);
    if (id === undefined) {
      const [token] = this.#pipeline.run([new lunr.Token(word, {})]);
      id = token === undefined ? DROPPED : this.ofTerm(token.toString(), true);
      this.#byWord.set(word, id);
    }
    return id;
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

/**
 * Split a field's text into lower-cased words as Lunr's tokenizer does (word numbers are
 * positions in the returned list).
 *
 * @param text Field text.
 * @returns Words, none empty.
 */
export function wordsOf(text: string): string[] {
  const words = text.toLowerCase().split(lunr.tokenizer.separator);
  if (words[0] === "") words.shift();
  if (words[words.length - 1] === "") words.pop();
  return words;
}
