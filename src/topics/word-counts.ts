/**
 * Counting in how many articles each word appears, in one table for the whole archive. Words
 * are looked up by a hash of their characters in the text, so a word already counted costs no
 * new string.
 */

import { classOf, DIGIT, LETTER, LOWER, MARK } from "./char-class.js";

/** Word counts per article, for the whole archive, in an open-addressing hash table. */
export class ArticleWordCounts {
  private words: string[] = [];
  private articles: Int32Array = new Int32Array(1024);
  private last: Int32Array = new Int32Array(1024);
  /** Slot → word index + 1 (0: empty), and the word's hash. */
  private slots = new Int32Array(2048);
  private hashes = new Int32Array(2048);
  private article = 0;
  /** Indexes of the current article's words, in the order first added. */
  private current: number[] = [];

  /** Start counting the next article: words seen from now on count again. */
  nextArticle(): void {
    this.article++;
    this.current.length = 0;
  }

  /** The distinct words added since the last {@link nextArticle}, in the order first added. */
  articleWords(): string[] {
    return this.current.map((i) => this.words[i]!);
  }

  /**
   * Count a word for the current article (once however often it is added).
   *
   * @param word The word as it should be counted.
   */
  add(word: string): void {
    this.addRange(word, 0, word.length);
  }

  /**
   * Count the word written at `text[start, end)` for the current article.
   *
   * @param text Any text.
   * @param start Index of the word's first code unit.
   * @param end Index past its last code unit.
   */
  addRange(text: string, start: number, end: number): void {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (;;) {
      const index = this.slots[slot]! - 1;
      if (index < 0) break;
      if (this.hashes[slot] === h && sameText(this.words[index]!, text, start, end)) {
        if (this.last[index] !== this.article) {
          this.articles[index]!++;
          this.last[index] = this.article;
          this.current.push(index);
        }
        return;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.words.length;
    this.words.push(text.slice(start, end));
    if (index === this.articles.length) {
      this.articles = grow(this.articles);
      this.last = grow(this.last);
    }
    this.articles[index] = 1;
    this.last[index] = this.article;
    this.slots[slot] = index + 1;
    this.hashes[slot] = h;
    this.current.push(index);
    if (this.words.length * 2 > this.slots.length) this.rehash();
  }

  /** Word → number of articles it appeared in. */
  toMap(): Map<string, number> {
    const counts = new Map<string, number>();
    this.words.forEach((word, i) => counts.set(word, this.articles[i]!));
    return counts;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const hashes = new Int32Array(slots.length);
    const mask = slots.length - 1;
    for (let old = 0; old < this.slots.length; old++) {
      if (this.slots[old] === 0) continue;
      let slot = this.hashes[old]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = this.slots[old]!;
      hashes[slot] = this.hashes[old]!;
    }
    this.slots = slots;
    this.hashes = hashes;
  }
}

function grow(list: Int32Array): Int32Array {
  const grown = new Int32Array(list.length * 2);
  grown.set(list);
  return grown;
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

/**
 * Count the words of a text written in lower case: a lower-case letter that does not follow a
 * letter, mark, digit or apostrophe, and the letters and marks after it.
 *
 * @param text One paragraph.
 * @param counts Where to count them.
 */
export function countLowerWords(text: string, counts: ArticleWordCounts): void {
  let blocked = false;
  for (let i = 0; i < text.length; ) {
    let code = text.charCodeAt(i);
    if (code >= 0xd800) code = text.codePointAt(i)!;
    const bits = classOf(code);
    if (bits & LOWER && !blocked) {
      const start = i;
      i += code > 0xffff ? 2 : 1;
      let next = 0;
      while (i < text.length) {
        code = text.charCodeAt(i);
        if (code >= 0xd800) code = text.codePointAt(i)!;
        next = classOf(code);
        if ((next & (LETTER | MARK)) === 0) break;
        i += code > 0xffff ? 2 : 1;
      }
      counts.addRange(text, start, i);
      // The character that ended the word (a digit, an apostrophe…) is looked at again.
      blocked = true;
      continue;
    }
    blocked = (bits & (LETTER | MARK | DIGIT)) !== 0 || code === 0x27 || code === 0x2019;
    i += code > 0xffff ? 2 : 1;
  }
}
