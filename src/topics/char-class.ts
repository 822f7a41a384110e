/** Unicode character classes of code points, from a table filled on first use. */

const KNOWN = 16;
/** Letter (\p{L}). */
export const LETTER = 1;
/** Mark (\p{M}). */
export const MARK = 2;
/** Number (\p{N}). */
export const DIGIT = 4;
/** Lower-case letter (\p{Ll}). */
export const LOWER = 8;
/** Upper-case letter (\p{Lu}). */
export const UPPER = 32;
/** Character classes of the Basic Multilingual Plane, filled on first use (bit {@link KNOWN}: known). */
const classes = new Uint8Array(0x10000);

/**
 * The classes of a code point, as bits.
 *
 * @param code A Unicode code point.
 * @returns {@link LETTER}, {@link MARK}, {@link DIGIT}, {@link LOWER}, {@link UPPER} combined.
 */
export function classOf(code: number): number {
  if (code < 0x10000 && classes[code] !== 0) return classes[code]! & ~KNOWN;
  const char = String.fromCodePoint(code);
  const bits = (/\p{L}/u.test(char) ? LETTER : 0) | (/\p{M}/u.test(char) ? MARK : 0) | (/\p{N}/u.test(char) ? DIGIT : 0) | (/\p{Ll}/u.test(char) ? LOWER : 0) | (/\p{Lu}/u.test(char) ? UPPER : 0);
  if (code < 0x10000) classes[code] = bits | KNOWN;
  return bits;
}


/**
 * Whether a line looks like a headline or a list of tags: at least three runs of four or more
 * letters, at least 60 % of them capitalised.
 *
 * @param line One line of text.
 */
export function looksTitleCase(line: string): boolean {
  let runs = 0;
  let capitalised = 0;
  let length = 0;
  let first = 0;
  for (let i = 0; i <= line.length; ) {
    let code = i < line.length ? line.charCodeAt(i) : 0x20;
    if (code >= 0xd800) code = line.codePointAt(i)!;
    const bits = classOf(code);
    if (bits & LETTER) {
      if (length++ === 0) first = bits;
    } else {
      if (length >= 4) {
        runs++;
        if (first & UPPER) capitalised++;
      }
      length = 0;
    }
    i += code > 0xffff ? 2 : 1;
  }
  return runs >= 3 && capitalised >= runs * 0.6;
}
