/** Telling word characters (letters and digits of any script) by code point, without a regex per character. */

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Word characters of the Basic Multilingual Plane, filled on first use: 0 unknown, 1 word, 2 not. */
const known = new Uint8Array(0x10000);

/**
 * Whether a code point is a letter or a digit (`[\p{L}\p{N}]`).
 *
 * @param code A Unicode code point.
 */
export function isWordChar(code: number): boolean {
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a);
  if (code > 0xffff) return WORD_CHAR.test(String.fromCodePoint(code));
  if (known[code] === 0) known[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known[code] === 1;
}

/**
 * Where the next word (run of letters and digits) starts.
 *
 * @param text Any text.
 * @param from Index to look from.
 * @returns The word's first index, or the text's length when no word is left.
 */
export function wordStart(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    if (isWordChar(code)) break;
    i += code > 0xffff ? 2 : 1;
  }
  return i;
}

/**
 * Where a word ends.
 *
 * @param text Any text.
 * @param start Index of the word's first character.
 * @returns The index just past its last character.
 */
export function wordEnd(text: string, start: number): number {
  let i = start;
  while (i < text.length) {
    const code = text.codePointAt(i)!;
    if (!isWordChar(code)) break;
    i += code > 0xffff ? 2 : 1;
  }
  return i;
}
