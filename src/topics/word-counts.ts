/**
 * Counting in how many articles each word appears, in one table for the whole archive. Words
 * are looked up by a hash of their characters in the text, so a word already counted costs no
 * new string.
 */

interface Entry {
  readonly word: string;
  articles: number;
  last: number;
  /** Another word with the same hash. */
  next: Entry | undefined;
}

/** Word counts per article, for the whole archive. */
export class ArticleWordCounts {
  private readonly table = new Map<number, Entry>();
  private article = 0;

  /** Start counting the next article: words seen from now on count again. */
  nextArticle(): void {
    this.article++;
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
    const key = h & 0x3fffffff;
    const first = this.table.get(key);
    let entry = first;
    while (entry !== undefined && !sameText(entry.word, text, start, end)) entry = entry.next;
    if (entry === undefined) this.table.set(key, { word: text.slice(start, end), articles: 1, last: this.article, next: first });
    else if (entry.last !== this.article) {
      entry.articles++;
      entry.last = this.article;
    }
  }

  /** Word → number of articles it appeared in. */
  toMap(): Map<string, number> {
    const counts = new Map<string, number>();
    for (const first of this.table.values()) for (let entry: Entry | undefined = first; entry !== undefined; entry = entry.next) counts.set(entry.word, entry.articles);
    return counts;
  }
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

const LETTER = 1;
const MARK = 2;
const DIGIT = 4;
const LOWER = 8;
/** Character classes of the Basic Multilingual Plane, filled on first use (bit 16: known). */
const classes = new Uint8Array(0x10000);

function classOf(code: number): number {
  if (code < 0x10000 && classes[code] !== 0) return classes[code]! & 15;
  const char = String.fromCodePoint(code);
  const bits = (/\p{L}/u.test(char) ? LETTER : 0) | (/\p{M}/u.test(char) ? MARK : 0) | (/\p{N}/u.test(char) ? DIGIT : 0) | (/\p{Ll}/u.test(char) ? LOWER : 0);
  if (code < 0x10000) classes[code] = bits | 16;
  return bits;
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
